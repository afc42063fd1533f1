package io.lifeboat.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Refuses request bodies over 1 MiB with 413 before anything reads them. */
final class BodyLimitFilter extends OncePerRequestFilter {

    static final long MAX_BODY = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > MAX_BODY || chunked) {
            Problems.write(response, chunked ? HttpStatus.LENGTH_REQUIRED : HttpStatus.CONTENT_TOO_LARGE,
                    "too-large", chunked ? "send the body with a Content-Length" : "the request body is over 1 MiB",
                    null);
            return;
        }
        chain.doFilter(request, response);
    }
}
