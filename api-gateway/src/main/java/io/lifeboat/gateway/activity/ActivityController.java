package io.lifeboat.gateway.activity;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.gateway.environment.Environments;
import io.lifeboat.gateway.identity.Caller;
import io.lifeboat.gateway.identity.Callers;
import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.project.Projects;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.gateway.web.Refs;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live activity of a project, or of one of its environments, as server-sent events: each event's wire
 * type as the SSE event name, its {@code event_id} as the id, and its JSON as the data. Access is checked
 * when the stream opens (viewers may watch; anyone else gets 404, as for the project itself), and again
 * once a heartbeat interval while it is open: a stream whose caller lost access ends.
 */
@RestController
class ActivityController {

    private final ActivityHub hub;
    private final Projects projects;
    private final Environments environments;
    private final ProjectAccess access;

    ActivityController(ActivityHub hub, Projects projects, Environments environments, ProjectAccess access) {
        this.hub = hub;
        this.projects = projects;
        this.environments = environments;
        this.access = access;
    }

    @GetMapping(path = "/projects/{project}/activity", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String project, @RequestParam(required = false) String environment) {
        // both views call ProjectAccess.require(project, VIEW) before they look the project up
        if (environment != null) {
            environments.view(Refs.environment(project, environment));
        } else if (EnvironmentRef.isValidName(project)) {
            projects.view(project);
        } else {
            throw Problems.notFound("project " + project);
        }
        Caller caller = Callers.current();
        return hub.subscribe(project, environment, () -> access.stillSees(caller, project));
    }
}
