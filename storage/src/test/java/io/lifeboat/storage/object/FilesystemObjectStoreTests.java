package io.lifeboat.storage.object;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

class FilesystemObjectStoreTests extends ObjectStoreConformance {

    @TempDir
    Path root;

    @Override
    protected ObjectStore create(String name) {
        return new FilesystemObjectStore(name, root);
    }
}
