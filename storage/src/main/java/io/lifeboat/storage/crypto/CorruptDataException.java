package io.lifeboat.storage.crypto;

import io.lifeboat.storage.object.StorageException;

/**
 * Data failed verification: an authentication tag, a chunk's keyed hash or a format check did not match.
 * The message names the object. It is permanent for that copy; another location may hold a good one.
 */
public class CorruptDataException extends StorageException {

    public CorruptDataException(String message, Throwable cause) {
        super(message, true, cause);
    }
}
