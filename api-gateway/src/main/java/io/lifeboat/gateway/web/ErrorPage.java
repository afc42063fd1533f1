package io.lifeboat.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Errors that no controller answered (the servlet container's, or a filter's failure) as problem+json, in
 * place of Spring Boot's error page. Never the exception's message: it may hold internals. A direct request
 * for {@code /error} is not found.
 */
@Hidden
@RestController
class ErrorPage implements ErrorController {

    @RequestMapping("/error")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null && c >= 400
                ? HttpStatus.valueOf(c) : HttpStatus.NOT_FOUND;
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (status.is5xxServerError()) {
            Problems.write(response, status, "internal-error", "the gateway could not complete this request; "
                    + "it has been logged, so retry later or report it", null);
        } else if (status == HttpStatus.NOT_FOUND) {
            Problems.write(response, status, "not-found", "there is nothing at this path", null);
        } else {
            Problems.write(response, status, "invalid-request", "the request was refused: "
                    + status.getReasonPhrase().toLowerCase(), null);
        }
    }
}
