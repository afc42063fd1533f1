package io.lifeboat.gateway.environment;

import io.lifeboat.gateway.web.Refs;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class EnvironmentController {

    private final Environments environments;

    EnvironmentController(Environments environments) {
        this.environments = environments;
    }

    @PostMapping("/projects/{project}/environments")
    @ResponseStatus(HttpStatus.CREATED)
    EnvironmentView create(@PathVariable String project, @Valid @RequestBody EnvironmentRequest request) {
        return EnvironmentView.of(environments.create(project, request));
    }

    @GetMapping("/projects/{project}/environments/{environment}")
    EnvironmentView get(@PathVariable String project, @PathVariable String environment) {
        return EnvironmentView.of(environments.view(Refs.environment(project, environment)));
    }

    @GetMapping("/projects/{project}/environments")
    List<EnvironmentView> list(@PathVariable String project) {
        Refs.environment(project, "any");
        return environments.list(project).stream().map(EnvironmentView::of).toList();
    }

    @PutMapping("/projects/{project}/environments/{environment}")
    EnvironmentView update(@PathVariable String project, @PathVariable String environment,
                           @Valid @RequestBody EnvironmentRequest request) {
        return EnvironmentView.of(environments.update(Refs.environment(project, environment), request));
    }

    @DeleteMapping("/projects/{project}/environments/{environment}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String project, @PathVariable String environment) {
        environments.delete(Refs.environment(project, environment));
    }

    @PostMapping("/projects/{project}/environments/{environment}/activate")
    EnvironmentView activate(@PathVariable String project, @PathVariable String environment) {
        return EnvironmentView.of(environments.setStatus(Refs.environment(project, environment), "active"));
    }

    @PostMapping("/projects/{project}/environments/{environment}/deactivate")
    EnvironmentView deactivate(@PathVariable String project, @PathVariable String environment) {
        return EnvironmentView.of(environments.setStatus(Refs.environment(project, environment), "inactive"));
    }
}
