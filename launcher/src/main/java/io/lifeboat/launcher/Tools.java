package io.lifeboat.launcher;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Checks the tools the demo's PostgreSQL part needs, and says how to install what is missing. */
final class Tools {

    static final List<String> POSTGRES_TOOLS = List.of("pg_dump", "pg_restore");

    static void report() {
        for (String tool : POSTGRES_TOOLS) {
            String version = version(tool);
            if (version == null) {
                System.out.println("""
                        WARNING: %s was not found on the PATH. Lifeboat runs, but backing up the demo's PostgreSQL
                                 database will fail until you install the PostgreSQL 15 (or newer) client tools:
                                   Debian/Ubuntu: sudo apt-get install postgresql-client
                                   Fedora/RHEL:   sudo dnf install postgresql
                                   macOS:         brew install libpq && brew link --force libpq""".formatted(tool));
                return;
            }
            if (major(version) < 15) {
                System.out.println("WARNING: " + tool + " is version " + version + "; the embedded PostgreSQL is 15, "
                        + "so install PostgreSQL 15 (or newer) client tools.");
            }
        }
    }

    static String version(String tool) {
        try {
            Process process = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes()).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static int major(String version) {
        var matcher = java.util.regex.Pattern.compile("(\\d+)(\\.\\d+)?").matcher(version);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    private Tools() {
    }
}
