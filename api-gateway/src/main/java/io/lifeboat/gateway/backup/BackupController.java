package io.lifeboat.gateway.backup;

import io.lifeboat.gateway.web.Problems;
import io.lifeboat.gateway.web.Refs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/projects/{project}/environments/{environment}/backups")
class BackupController {

    /** The body of a backup request; {@code safe} (consistent) is the default for manual backups. */
    record BackupRequest(Boolean safe) {
    }

    private final Backups backups;

    BackupController(Backups backups) {
        this.backups = backups;
    }

    @PostMapping
    ResponseEntity<BackupView> create(@PathVariable String project, @PathVariable String environment,
                                      @RequestBody(required = false) BackupRequest request) {
        boolean safe = request == null || request.safe() == null || request.safe();
        BackupView backup = backups.request(Refs.environment(project, environment), safe, "api");
        return ResponseEntity.accepted().location(URI.create("/projects/" + project + "/environments/" + environment
                + "/backups/" + backup.id())).body(backup);
    }

    @GetMapping
    List<BackupView> list(@PathVariable String project, @PathVariable String environment,
                          @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String start) {
        return backups.list(Refs.environment(project, environment), Refs.limit(limit), Refs.start(start));
    }

    @GetMapping("/{backup}")
    BackupView get(@PathVariable String project, @PathVariable String environment, @PathVariable String backup) {
        return backups.get(Refs.environment(project, environment), backup);
    }

    /** The body of a verification: the fraction of chunks to re-read, 1 (everything) by default. */
    record VerifyRequest(Double sample) {
    }

    @PostMapping("/{backup}/verify")
    ResponseEntity<BackupView> verify(@PathVariable String project, @PathVariable String environment,
                                      @PathVariable String backup, @RequestBody(required = false) VerifyRequest request) {
        double sample = request == null || request.sample() == null ? 1.0 : request.sample();
        if (!(sample > 0 && sample <= 1)) {
            throw Problems.invalid("sample", "sample must be greater than 0 and at most 1");
        }
        return ResponseEntity.accepted().body(backups.verify(Refs.environment(project, environment), backup, sample));
    }

    @DeleteMapping("/{backup}")
    ResponseEntity<BackupView> delete(@PathVariable String project, @PathVariable String environment,
                                      @PathVariable String backup) {
        return ResponseEntity.accepted().body(backups.delete(Refs.environment(project, environment), backup));
    }
}
