package io.lifeboat.gateway.project;

import io.lifeboat.gateway.web.Refs;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Project create(@Valid @RequestBody ProjectRequest request) {
        return projects.create(request);
    }

    @GetMapping("/projects")
    List<Project> list(@RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String start) {
        return projects.list(Refs.limit(limit), Refs.start(start));
    }

    @GetMapping("/projects/{project}")
    Project get(@PathVariable String project) {
        return projects.view(project);
    }

    @PatchMapping("/projects/{project}")
    Project update(@PathVariable String project, @Valid @RequestBody ProjectPatch patch) {
        return projects.update(project, patch);
    }

    /** Takes a tombstone backup of each active environment, then deletes the project. */
    @DeleteMapping("/projects/{project}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String project) {
        projects.delete(project);
    }
}
