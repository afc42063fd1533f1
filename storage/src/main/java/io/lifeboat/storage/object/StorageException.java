package io.lifeboat.storage.object;

/** A storage operation failed. The message names the location, the operation and the key. */
public class StorageException extends RuntimeException {

    private final boolean permanent;

    public StorageException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** True when retrying the same call cannot succeed. */
    public boolean permanent() {
        return permanent;
    }
}
