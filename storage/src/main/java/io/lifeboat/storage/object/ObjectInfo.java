package io.lifeboat.storage.object;

import java.time.Instant;

/** A stored object's key, size and last modification time. */
public record ObjectInfo(String key, long size, Instant lastModified) {
}
