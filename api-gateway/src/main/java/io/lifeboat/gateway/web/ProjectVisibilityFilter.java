package io.lifeboat.gateway.web;

import io.lifeboat.gateway.identity.ProjectAccess;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * A caller who may not see project P gets 404 for everything under {@code /projects/P}, whatever the method
 * or the body, before anything reads the body: the answer is the same whether P exists or not. Runs after
 * Spring Security, which has authenticated the caller.
 */
final class ProjectVisibilityFilter extends OncePerRequestFilter {

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

    /**
     * The project segment of the path, decoded segment by segment as Spring MVC matches paths (so that
     * {@code /%70rojects/P} is seen as {@code /projects/P}, as the controllers see it); null for none.
     */
    static String project(HttpServletRequest request) {
        List<String> segments = RequestPath.parse(request.getRequestURI(), request.getContextPath())
                .pathWithinApplication().elements().stream()
                .filter(PathContainer.PathSegment.class::isInstance)
                .map(e -> ((PathContainer.PathSegment) e).valueToMatch()).toList();
        if (segments.size() < 2 || !segments.get(0).equals("projects") || segments.get(1).isEmpty()) {
            return null;
        }
        return segments.get(1);
    }
}
