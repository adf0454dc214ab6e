package org.consilium.stack;

/** The stack cannot come up; carries what to do about it, which {@link StartupFailureAnalyzer} prints. */
public class StackStartupException extends RuntimeException {

    private final String action;

    public StackStartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    public StackStartupException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
