package org.consilium.events;

import java.util.List;

/**
 * The report's structured comparison with the first opinion, beyond whether it confirms it and
 * why it differs (those are in {@link ReportContent} itself). Every part may be null: not addressed.
 */
public record ReportComparison(String pathologyReadDifferently, String imagingReadDifferently,
                               Boolean bothOptionsReasonable, List<Option> benefitsAndRisks,
                               Boolean jointDiscussionHelpful) {
    public ReportComparison {
        benefitsAndRisks = benefitsAndRisks == null ? List.of() : List.copyOf(benefitsAndRisks);
    }

    /** One treatment option with its benefits and risks. */
    public record Option(String option, String benefits, String risks) {
    }
}
