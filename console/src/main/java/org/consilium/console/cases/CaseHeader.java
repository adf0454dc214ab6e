package org.consilium.console.cases;

import org.consilium.console.language.StaffWords;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.consilium.console.pages.UtcText;

/**
 * The case as intake-service tells it ({@code GET /cases/{id}}), with the patient's name from the same view. Read,
 * never stored: intake owns the case (ADR 16).
 *
 * @param patientName empty when the caller may not read it
 */
public record CaseHeader(String caseId, String patientName, String stage, String urgency, String cancerType,
                         String questionForPanel, LocalDate plannedTreatmentStart, Instant submittedAt,
                         List<String> disciplines, Map<String, Boolean> consents, List<StageChange> history,
                         Patient patient, Diagnosis diagnosis, FirstOpinion firstOpinion,
                         List<ConsentChange> consentHistory) {

    public CaseHeader {
        consentHistory = consentHistory == null ? List.of() : List.copyOf(consentHistory);
    }

    /**
     * One entry of the consent history (intake): a purpose granted or withdrawn, and when; the first entries are the
     * consent given with the request. Who decided is on intake's audit trail.
     */
    public record ConsentChange(String purpose, boolean granted, Instant at) {
        public String purposeLabel() {
            return purpose == null ? "" : purpose.toLowerCase().replace('_', ' ');
        }

        public String atText() {
            return UtcText.of(at);
        }
    }

    /** Who the patient is, as far as the triage needs it (intake's view; contact data is not read here). */
    public record Patient(Integer age, String sex, String country, List<String> languages) {
        public String text() {
            return text(StaffWords.ENGLISH);
        }

        /** "58 years, male, ID, speaks id, en"; in Chinese "58岁，男，ID，语言：id, en". */
        public String text(StaffWords words) {
            return String.join(words.say("list.separator"), java.util.stream.Stream.of(age == null ? null : words.say("patient.age", age),
                            sex == null ? null : words.sayOr("patient.sex." + sex.toUpperCase(), sex.toLowerCase()), country,
                            languages == null || languages.isEmpty() ? null : words.say("patient.speaks", String.join(", ", languages)))
                    .filter(part -> part != null && !part.isBlank()).toList());
        }
    }

    /** The diagnosis as known at intake. */
    public record Diagnosis(String site, String stage, String histology) {
    }

    /** The plan the patient seeks a second opinion on. */
    public record FirstOpinion(String summary, String author, LocalDate date) {
        /** "Dr Hartono, 2026-11-26": the date as ISO, as every date on the pages. */
        public String byline() {
            return (author == null ? "" : author) + (date == null ? "" : ", " + date);
        }
    }

    public record StageChange(String stage, Instant at) {
        public String stageLabel() {
            return label(stage);
        }

        public String atText() {
            return UtcText.of(at);
        }
    }

    /** When the case entered its current stage: how long it has stood there is what a coordinator weighs. */
    public String stageSinceText() {
        return history == null || history.isEmpty() ? "" : history.get(history.size() - 1).atText();
    }

    public String submittedText() {
        return UtcText.of(submittedAt);
    }

    private static String label(String constant) {
        return constant == null || constant.isEmpty() ? ""
                : (constant.charAt(0) + constant.substring(1).toLowerCase().replace('_', ' ')).replace("Mdt ", "MDT ");
    }

    /** Urgent first: the order coordinators take cases in when their clocks are equal. */
    public static int rank(String urgency) {
        if (urgency == null) {
            return 3;
        }
        return switch (urgency) {
            case "URGENT" -> 0;
            case "EXPEDITED" -> 1;
            case "ROUTINE" -> 2;
            default -> 3;
        };
    }

    public String cancerTypeLabel() {
        return cancerType == null ? "" : cancerType.replace('-', ' ');
    }

    public String stageLabel() {
        return label(stage);
    }

    public String urgencyLabel() {
        return urgency == null ? "not triaged" : label(urgency);
    }
}
