package io.lifeboat.contracts;

/** An event that cannot be read. It is permanent: the record goes to the dead-letter topic. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
