package io.lifeboat.connector.files;

import io.lifeboat.connector.ConnectorException;
import io.lifeboat.contracts.EnvironmentRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where each project's files may be: setting {@code lifeboat.files.roots}, a list of directory templates in which
 * {@code {project}} stands for the project id, for example {@code /srv/platform/{project}}. A mount or code path
 * must lie strictly below one of its project's roots; a root itself is refused, because the connectors work beside
 * the part's directory (cut links, staging, the swapped-out tree). With no roots, every file path is refused.
 *
 * <p>The gateway checks a path as written ({@link #refusal}); the workers check it again with symlinks resolved
 * ({@link #confine}) before every backup and restore, and work on the resolved directory.
 */
public final class FileRoots {

    /** The setting's name. */
    public static final String SETTING = "lifeboat.files.roots";

    private final List<String> templates;

    private FileRoots(List<String> templates) {
        this.templates = templates;
    }

    /**
     * The roots of the given templates; blank entries are ignored.
     *
     * @throws IllegalArgumentException when a template is not an absolute path or holds {@code ..}
     */
    public static FileRoots of(List<String> templates) {
        List<String> kept = templates == null ? List.of()
                : templates.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        for (String template : kept) {
            Path path = Path.of(template.replace("{project}", "p"));
            if (!path.isAbsolute() || hasParentStep(path)) {
                throw new IllegalArgumentException(SETTING + ": '" + template
                        + "' must be an absolute path without '..'");
            }
        }
        return new FileRoots(kept);
    }

    /** No roots: every file path is refused. */
    public static FileRoots none() {
        return new FileRoots(List.of());
    }

    /** The project's roots, normalised; none for a malformed project id. */
    public List<Path> of(String project) {
        if (!EnvironmentRef.isValidName(project)) {
            return List.of();
        }
        return templates.stream().map(t -> Path.of(t.replace("{project}", project)).normalize()).toList();
    }

    /** Why {@code path}, as written, may not hold files of {@code project}; empty when it may. */
    public Optional<String> refusal(String project, String path) {
        if (templates.isEmpty()) {
            return Optional.of("no file roots are configured, so no mount or code path is accepted; set "
                    + SETTING + " (for example /srv/platform/{project})");
        }
        Path written;
        try {
            written = Path.of(path);
        } catch (InvalidPathException e) {
            return Optional.of("'" + path + "' is not a valid path");
        }
        if (!written.isAbsolute()) {
            return Optional.of("must be an absolute path");
        }
        if (hasParentStep(written)) {
            return Optional.of("'" + path + "' must not contain '..'");
        }
        Path normal = written.normalize();
        if (of(project).stream().anyMatch(root -> below(normal, root))) {
            return Optional.empty();
        }
        return Optional.of("'" + path + "' is outside the files of project " + project + ": it must be below "
                + describe(project));
    }

    /**
     * The real directory of {@code path} (symlinks resolved; the part not yet created is kept as written),
     * checked to be below one of the project's real roots.
     *
     * @throws ConnectorException (permanent) when it is not, or when no root of the project exists
     */
    public Path confine(String project, String path) {
        Optional<String> refusal = refusal(project, path);
        if (refusal.isPresent()) {
            throw new ConnectorException("refusing to use directory " + path + ": " + refusal.get(), true);
        }
        Path normal = Path.of(path).normalize();
        Path real;
        try {
            Path existing = normal;
            while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            real = existing.toRealPath().resolve(existing.relativize(normal));
        } catch (IOException e) {
            throw new ConnectorException("refusing to use directory " + path + ": it cannot be resolved ("
                    + e.getMessage() + "), for example a symlink that leads nowhere", true, e);
        }
        for (Path root : of(project)) {
            try {
                if (below(real, root.toRealPath())) {
                    return real;
                }
            } catch (IOException e) {
                // a root that does not exist holds nothing
            }
        }
        throw new ConnectorException("refusing to use directory " + path + ": it resolves to " + real
                + ", which is not below " + describe(project) + " (symlinks may not lead out of the project's"
                + " files; a root must exist)", true);
    }

    private String describe(String project) {
        return of(project).stream().map(Path::toString).collect(Collectors.joining(" or "));
    }

    private static boolean below(Path path, Path root) {
        return path.startsWith(root) && !path.equals(root);
    }

    private static boolean hasParentStep(Path path) {
        for (Path name : path) {
            if (name.toString().equals("..")) {
                return true;
            }
        }
        return false;
    }
}
