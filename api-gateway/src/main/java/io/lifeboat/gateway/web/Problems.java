package io.lifeboat.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** Errors the API answers with, as RFC 9457 problem details. */
public final class Problems {

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

    static ErrorResponseException problem(HttpStatus status, String type, String title, String detail,
                                          String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://lifeboat.dev/problems/" + type));
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return new ErrorResponseException(status, problem, null);
    }

    private Problems() {
    }
}
