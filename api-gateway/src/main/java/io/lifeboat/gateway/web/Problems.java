package io.lifeboat.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** Errors the API answers with, as RFC 9457 problem details. */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static ErrorResponseException notFound(String what) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist", null);
    }

    public static ErrorResponseException conflict(String type, String detail) {
        return problem(HttpStatus.CONFLICT, type, "Conflict", detail, null);
    }

    public static ErrorResponseException invalid(String field, String detail) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, field);
    }

    public static ErrorResponseException inactive(String environment) {
        return conflict("environment-inactive", "environment " + environment
                + " is inactive: activate the environment first, then back it up or restore into it");
    }

    public static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    public static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
                                                 String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://lifeboat.dev/problems/" + type));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, null);
    }

    /** Writes a problem straight to the response, for filters that answer before any controller. */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String detail,
                             String field) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://lifeboat.dev/problems/" + type);
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    /**
     * Writes a problem straight to the response as a controller would have answered it, with the request path
     * as its {@code instance}.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorResponseException error)
            throws IOException {
        ProblemDetail detail = error.getBody();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", detail.getType().toString());
        problem.put("title", detail.getTitle());
        problem.put("status", detail.getStatus());
        problem.put("detail", detail.getDetail());
        problem.put("instance", request.getRequestURI());
        if (detail.getProperties() != null) {
            problem.putAll(detail.getProperties());
        }
        response.setStatus(detail.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }

    private Problems() {
    }
}
