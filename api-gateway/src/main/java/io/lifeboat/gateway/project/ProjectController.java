package io.lifeboat.gateway.project;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

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

    @GetMapping("/projects/{project}")
    Project get(@PathVariable String project) {
        return projects.require(project);
    }
}
