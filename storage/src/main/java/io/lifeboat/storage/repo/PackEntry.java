package io.lifeboat.storage.repo;

import java.util.List;

/** One pack as an index lists it: its id, the project key its blobs are sealed with, and its blobs. */
record PackEntry(String pack, String keyId, long size, List<BlobEntry> blobs) {
}
