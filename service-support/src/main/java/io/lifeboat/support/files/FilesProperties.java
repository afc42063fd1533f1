package io.lifeboat.support.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Where each project may keep the files Lifeboat backs up and restores.
 *
 * @param roots directory templates, {@code {project}} standing for the project id (for example
 *              {@code /srv/platform/{project}}); a mount or code path must lie below one of them. None: every
 *              file path is refused.
 */
@ConfigurationProperties("lifeboat.files")
public record FilesProperties(List<String> roots) {

    public FilesProperties {
        roots = roots == null ? List.of() : List.copyOf(roots);
    }
}
