package io.lifeboat.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every error of a controller as problem+json; validation errors name the field. A user never sees a stack
 * trace: an unexpected failure is a 500 without internals. Errors outside controllers go to {@link ErrorPage}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", snake(e), "message", String.valueOf(e.getDefaultMessage()))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, errors.isEmpty()
                ? "the request is invalid" : errors.getFirst().get("field") + " " + errors.getFirst().get("message"));
        problem.setType(URI.create("https://lifeboat.dev/problems/invalid-request"));
        problem.setTitle("Invalid request");
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.getFirst().get("field"));
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        String field = cause instanceof JacksonException json && !json.getPath().isEmpty()
                ? json.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName()
                        : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " is not a property of "
                    + "this request; see the API document for the fields it takes");
            problem.setType(URI.create("https://lifeboat.dev/problems/invalid-request"));
            problem.setTitle("Invalid request");
        } else if (cause instanceof InvalidFormatException format
                && TextWithoutNul.MESSAGE.equals(format.getOriginalMessage())) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + TextWithoutNul.MESSAGE);
            problem.setType(URI.create("https://lifeboat.dev/problems/invalid-request"));
            problem.setTitle("Invalid request");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "the body is not valid JSON for this request: " + firstLine(cause.getMessage()));
            problem.setType(URI.create("https://lifeboat.dev/problems/malformed-body"));
            problem.setTitle("Malformed body");
        }
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** A mistyped query parameter, such as {@code limit=abc}: 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> type = ex.getRequiredType();
        String wanted = type == int.class || type == Integer.class || type == long.class || type == Long.class
                ? "a whole number" : type == boolean.class || type == Boolean.class ? "true or false" : "valid";
        ErrorResponseException problem = Problems.invalid(name, name + " must be " + wanted);
        return ResponseEntity.badRequest().body(problem.getBody());
    }

    /** Anything else is the gateway's fault: logged with its cause, answered without internals. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the gateway could not complete this request; it has been logged, so retry later or report it");
        problem.setType(URI.create("https://lifeboat.dev/problems/internal-error"));
        problem.setTitle("Internal error");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(URI.create("https://lifeboat.dev/problems/invalid-request"));
        problem.setTitle("Invalid request");
        return problem;
    }

    private static String snake(FieldError error) {
        return error.getField().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
