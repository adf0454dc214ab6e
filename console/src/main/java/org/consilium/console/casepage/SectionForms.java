package org.consilium.console.casepage;

import java.util.Optional;

/**
 * What the records and links forms read of a refused submission: each form asks with its own id, so only the refused
 * one shows the refusal and keeps what was typed; the others start empty.
 */
public record SectionForms(Optional<SectionAttempt> attempt) {

    public boolean refused(String form) {
        return attempt.filter(a -> a.form().equals(form)).isPresent();
    }

    public String message(String form) {
        return attempt.filter(a -> a.form().equals(form)).map(SectionAttempt::message).orElse("");
    }

    public String typed(String form, String input) {
        return attempt.filter(a -> a.form().equals(form)).map(a -> a.typed().getOrDefault(input, "")).orElse("");
    }

    /** What records said of this input, or "" (records names a waiver's and override's reason {@code reason}). */
    public String error(String form, String input) {
        return attempt.filter(a -> a.form().equals(form)).map(a -> a.fieldErrors().getOrDefault(input, "")).orElse("");
    }
}
