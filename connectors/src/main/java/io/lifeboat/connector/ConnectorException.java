package io.lifeboat.connector;

/** A part could not be snapshotted or restored. The message is for the user; it never holds a secret. */
public class ConnectorException extends RuntimeException {

    private final boolean permanent;

    public ConnectorException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public ConnectorException(String message, boolean permanent) {
        this(message, permanent, null);
    }

    /** True when retrying cannot help (bad settings, missing tool); false for outages. */
    public boolean permanent() {
        return permanent;
    }
}
