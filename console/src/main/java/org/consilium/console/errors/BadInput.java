package org.consilium.console.errors;

/**
 * A request to the console itself that cannot be answered as sent: 400, {@code application/problem+json} for a
 * client that asks for JSON, naming the field ({@code field}, and {@code errors} as the services write them).
 */
public class BadInput extends RuntimeException {
    private final String field;

    public BadInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
