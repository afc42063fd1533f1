package io.lifeboat.gateway.restore;

import io.lifeboat.contracts.EnvironmentRef;
import io.lifeboat.gateway.web.Problems;
import io.lifeboat.gateway.web.Refs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
class RestoreController {

    /**
     * The body of a restore: an optional target environment, the environment to branch a new target from when
     * the target does not exist yet, and whether to restore the code too. {@code targetProject} is for
     * operators recovering a deleted project: its tombstone goes into an environment of another project.
     * {@code replaceMissingDefiners} (default false) gives a database object whose definer does not exist on
     * the target the target's user, instead of failing the restore before anything is switched.
     */
    record RestoreRequest(String environmentName, String branchFrom, Boolean restoreCode, String targetProject,
                          Boolean replaceMissingDefiners) {
    }

    private final Restores restores;

    RestoreController(Restores restores) {
        this.restores = restores;
    }

    @PostMapping("/projects/{project}/environments/{environment}/backups/{backup}/restore")
    ResponseEntity<RestoreView> restore(@PathVariable String project, @PathVariable String environment,
                                        @PathVariable String backup,
                                        @RequestBody(required = false) RestoreRequest request) {
        EnvironmentRef source = Refs.environment(project, environment);
        String target = request == null ? null : request.environmentName();
        if (target != null && !EnvironmentRef.isValidName(target)) {
            throw Problems.invalid("environment_name", "environment_name '" + target + "' is not a valid name");
        }
        String branchFrom = request == null ? null : request.branchFrom();
        if (branchFrom != null && !EnvironmentRef.isValidName(branchFrom)) {
            throw Problems.invalid("branch_from", "branch_from '" + branchFrom + "' is not a valid name");
        }
        String targetProject = request == null || request.targetProject() == null ? project : request.targetProject();
        if (!EnvironmentRef.isValidName(targetProject)) {
            throw Problems.invalid("target_project", "target_project '" + targetProject + "' is not a valid name");
        }
        boolean restoreCode = request == null || request.restoreCode() == null || request.restoreCode();
        boolean replaceMissingDefiners = request != null && Boolean.TRUE.equals(request.replaceMissingDefiners());
        RestoreView restore = restores.request(source, backup, targetProject, target, branchFrom, restoreCode,
                replaceMissingDefiners);
        return ResponseEntity.accepted().location(URI.create("/projects/" + restore.project() + "/restores/"
                + restore.id())).body(restore);
    }

    @GetMapping("/projects/{project}/environments/{environment}/restores")
    List<RestoreView> list(@PathVariable String project, @PathVariable String environment,
                           @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String start) {
        return restores.list(Refs.environment(project, environment), Refs.limit(limit), Refs.start(start));
    }

    @GetMapping("/projects/{project}/restores/{restore}")
    RestoreView get(@PathVariable String project, @PathVariable String restore) {
        return restores.get(project, restore);
    }
}
