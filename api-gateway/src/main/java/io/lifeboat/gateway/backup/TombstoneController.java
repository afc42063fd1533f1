package io.lifeboat.gateway.backup;

import io.lifeboat.gateway.identity.ProjectAccess;
import io.lifeboat.gateway.project.Projects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What a deleted project still has, for an operator to recover it: its tombstones (and, until retention has
 * deleted them, its other backups). A tombstone is restored into another project through the restore API.
 */
@RestController
class TombstoneController {

    private final BackupCatalog catalog;
    private final Projects projects;
    private final ProjectAccess access;

    TombstoneController(BackupCatalog catalog, Projects projects, ProjectAccess access) {
        this.catalog = catalog;
        this.projects = projects;
        this.access = access;
    }

    @GetMapping("/projects/{project}/tombstones")
    List<BackupView> list(@PathVariable String project) {
        access.requireOperator("only an operator (the admin token) or the platform sees a deleted project's backups");
        access.require(project, ProjectAccess.Need.ADMIN); // a token scoped to another project gets 404
        projects.requireDeleted(project, "its backups are listed per environment");
        return catalog.remaining(project);
    }
}
