package io.lifeboat.storage.repo;

/**
 * Where one encrypted chunk sits in its pack.
 *
 * @param length     bytes in the pack: nonce, ciphertext and tag
 * @param rawLength  the chunk's plaintext length
 * @param compressed whether the plaintext was zstd-compressed before encryption
 */
record BlobEntry(String id, long offset, int length, int rawLength, boolean compressed) {
}
