package io.lifeboat.launcher;

import java.nio.file.Path;

/** What the embedded run prints once it is ready. */
final class Banner {

    static String text(String api, String token, Demo demo, Path home) {
        String env = api + "/projects/" + demo.project() + "/environments/" + demo.environment();
        return """

                Lifeboat is running (embedded: in-process Kafka, PostgreSQL catalog, storage in %s).

                  API URL:      %s
                  Admin token:  %s
                  Ops view:     %s/ops/ (paste the admin token; docs/operations.md, "The ops view")

                  Demo environment: project "%s", environment "%s"
                    database  postgresql://127.0.0.1/%s
                    mount     %s
                    code      %s

                Try it with the CLI (paste into another terminal, in this directory):
                  export LIFEBOAT_API=%s LIFEBOAT_TOKEN=%s LIFEBOAT_PROJECT=%s LIFEBOAT_ENVIRONMENT=%s
                  bin/lifeboat backup:create          # a consistent backup, with a progress bar
                  bin/lifeboat backup:list
                  bin/lifeboat backup:restore         # restores the newest backup

                Or with curl:
                  # back it up (consistent)
                  curl -s -X POST -H "Authorization: Bearer $LIFEBOAT_TOKEN" -H 'Content-Type: application/json' \\
                       -d '{"safe": true}' %s/backups
                  # list backups
                  curl -s -H "Authorization: Bearer $LIFEBOAT_TOKEN" %s/backups
                  # restore one
                  curl -s -X POST -H "Authorization: Bearer $LIFEBOAT_TOKEN" -H 'Content-Type: application/json' \\
                       -d '{"restore_code": true}' %s/backups/<BACKUP_ID>/restore

                Logs: %s. Stop with Ctrl-C.
                """.formatted(home.resolve("storage"), api, token, api, demo.project(), demo.environment(),
                demo.database(), demo.mount(), demo.code(), api, token, demo.project(), demo.environment(), env, env, env,
                home.resolve("lifeboat.log"));
    }

    private Banner() {
    }
}
