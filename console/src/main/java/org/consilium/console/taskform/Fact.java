package org.consilium.console.taskform;

/** A read-only field of the form (the process's own facts: what failed, the triage's urgency...), shown, never sent. */
public record Fact(String label, String value) {
}
