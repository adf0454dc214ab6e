package org.consilium.events;

/** A record that can never be applied (unknown type, missing header, bad JSON): retrying will not help. */
public class UnreadableMessageException extends RuntimeException {
    public UnreadableMessageException(String message) {
        super(message);
    }

    public UnreadableMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
