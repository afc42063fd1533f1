package io.lifeboat.connector.mount;

import io.lifeboat.connector.files.DirectoryConnector;

import java.time.Clock;

/** A mount: a file tree with contents, modes, mtimes, symlinks and empty directories. Setting: {@code path}. */
public final class MountConnector extends DirectoryConnector {

    public MountConnector() {
        super(Clock.systemUTC());
    }

    @Override
    public String type() {
        return "mount";
    }
}
