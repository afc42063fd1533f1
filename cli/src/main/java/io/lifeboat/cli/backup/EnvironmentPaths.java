package io.lifeboat.cli.backup;

import static io.lifeboat.cli.client.ApiClient.segment;

/** The API paths of one environment's backups and of its project's restores. */
record EnvironmentPaths(String project, String environment) {

    String backups() {
        return "/projects/" + segment(project) + "/environments/" + segment(environment) + "/backups";
    }

    String backup(String id) {
        return backups() + "/" + segment(id);
    }

    String restore(String id) {
        return "/projects/" + segment(project) + "/restores/" + segment(id);
    }

    @Override
    public String toString() {
        return project + "/" + environment;
    }
}
