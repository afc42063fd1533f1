package io.lifeboat.gateway.web;

import io.lifeboat.gateway.identity.ProjectAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A caller who may not see project P gets 404 for everything under {@code /projects/P}, whatever the method
 * or the body, before anything reads the body: the answer is the same whether P exists or not. Runs after
 * Spring Security, which has authenticated the caller.
 */
final class ProjectVisibilityFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/projects/";

    private final ProjectAccess access;

    ProjectVisibilityFilter(ProjectAccess access) {
        this.access = access;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String project = project(request);
        if (project != null && !access.sees(project)) {
            Problems.write(request, response, Problems.notFound("project " + project));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The project segment of the path, decoded as Spring MVC decodes path variables; null for none. */
    static String project(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        int end = path.indexOf('/', PREFIX.length());
        String segment = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
        return segment.isEmpty() ? null : UriUtils.decode(segment, StandardCharsets.UTF_8);
    }
}
