package org.consilium.console.worklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.consilium.console.language.StaffWords;
import org.consilium.console.pages.UtcText;

/**
 * How long until a row's deadline: the task's own due date when it has one, else the case's next clock in the
 * engine. Rows without either sort last.
 *
 * @param deadline the instant, if any
 * @param source   {@code "due"} (the task's due date) or {@code "clock"} (the process's next timer)
 * @param left     from now to the deadline; negative when it has passed
 */
public record TimeLeft(Optional<Instant> deadline, String source, Duration left) {
    private static final Duration AT_RISK = Duration.ofHours(24);

    public static TimeLeft of(Optional<Instant> due, Optional<Instant> clock, Instant now) {
        if (due.isPresent()) {
            return new TimeLeft(due, "due", Duration.between(now, due.get()));
        }
        return clock.map(at -> new TimeLeft(clock, "clock", Duration.between(now, at)))
                .orElse(new TimeLeft(Optional.empty(), "none", Duration.ofDays(365_000)));
    }

    public boolean known() {
        return deadline.isPresent();
    }

    public String deadlineText() {
        return deadline.map(UtcText::of).orElse("");
    }

    /** on-time, at-risk (under a day) or breached: the class and the words the row shows. */
    public String state() {
        if (!known()) {
            return "none";
        }
        return left.isNegative() ? "breached" : left.compareTo(AT_RISK) < 0 ? "at-risk" : "on-time";
    }

    /** "3 d 4 h left", "45 min left", "overdue by 2 h": words, not only a colour. */
    public String label() {
        return label(StaffWords.ENGLISH);
    }

    /** The same in the page's language. */
    public String label(StaffWords words) {
        if (!known()) {
            return words.say("clock.none");
        }
        String amount = words.duration(left);
        return left.isNegative() ? words.say("clock.overdue", amount) : words.say("clock.left", amount);
    }
}
