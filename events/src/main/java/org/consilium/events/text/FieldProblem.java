package org.consilium.events.text;

/** One bad field of a request: where (as a client names it, e.g. {@code patient.name}) and what is wrong. */
public record FieldProblem(String field, String message) {
}
