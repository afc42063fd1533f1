package io.lifeboat.bench;

import io.lifeboat.storage.repo.Repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Brings the worker JVM to its steady state before anything is measured, as a worker that has been running
 * for a while is, the way JMH warms a benchmark up: backs up and restores the same database and directory
 * once, untimed, in a project of its own. Its keys share nothing with the measured project's, so nothing
 * that is measured deduplicates against what the warm-up stored.
 */
final class WarmUp {

    static String run(Repository repository, String database, Path directory) throws IOException {
        String databaseBackup = "%032x".formatted(0xfeed01);
        Bench.backup(repository, Bench.WARM_UP, Bench.spec("postgresql", database), databaseBackup);
        Bench.restore(repository, Bench.WARM_UP, Bench.spec("postgresql", database + "_warm_up"), databaseBackup);
        String directoryBackup = "%032x".formatted(0xfeed02);
        Path target = directory.resolveSibling(directory.getFileName() + "-warm-up");
        Bench.backup(repository, Bench.WARM_UP, Bench.spec("mount", directory.toString()), directoryBackup);
        try {
            Bench.restore(repository, Bench.WARM_UP, Bench.spec("mount", target.toString()), directoryBackup);
        } finally {
            delete(target);
        }
        return "\"database\":\"" + database + "\"";
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private WarmUp() {
    }
}
