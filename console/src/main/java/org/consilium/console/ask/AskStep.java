package org.consilium.console.ask;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The steps of asking for a second opinion, in order, each with the intake fields it asks (by intake's own field paths,
 * which are also the form's input names: a refusal of intake naming {@code patient.age} lands next to that input).
 * The self-check questions of the brief are in {@link #TREATMENT} (the decision at stake, the goal, the time available)
 * and {@link #QUESTION} (what seems missing, concerns still open, earlier second opinions).
 */
public enum AskStep {
    WHO("who", List.of("patient.name", "patient.age", "patient.sex", "patient.country", "patient.languages",
            "patient.timeZone", "patient.email", "patient.phone", "proxy.relationship", "proxy.patientConsents")),
    DIAGNOSIS("diagnosis", List.of("diagnosis.cancerType", "diagnosis.site", "diagnosis.stage", "diagnosis.histology")),
    TREATMENT("treatment", List.of("firstOpinion.summary", "firstOpinion.author", "firstOpinion.date",
            "plannedTreatmentStart", "decisionsAtStake", "treatmentGoal")),
    QUESTION("question", List.of("questionForPanel", "whatSeemsMissing", "openConcerns",
            "previousSecondOpinions[0].date", "previousSecondOpinions[0].institution", "previousSecondOpinions[0].summary")),
    DOCTOR("doctor", List.of("currentTreatingTeam.doctorName", "currentTreatingTeam.institution",
            "currentTreatingTeam.email")),
    CONSENT("consent", List.of("consent.review", "consent.shareWithPanel", "consent.crossBorderTransfer",
            "consent.contactCurrentDoctor")),
    REVIEW("review", List.of());

    private final String slug;
    private final List<String> fields;

    AskStep(String slug, List<String> fields) {
        this.slug = slug;
        this.fields = fields;
    }

    /** Its address: {@code /my/ask/{slug}}. */
    public String slug() {
        return slug;
    }

    public List<String> fields() {
        return fields;
    }

    /** 1-based, for "step k of n". */
    public int number() {
        return ordinal() + 1;
    }

    public static int count() {
        return values().length;
    }

    public Optional<AskStep> next() {
        return ordinal() + 1 < values().length ? Optional.of(values()[ordinal() + 1]) : Optional.empty();
    }

    public Optional<AskStep> previous() {
        return ordinal() > 0 ? Optional.of(values()[ordinal() - 1]) : Optional.empty();
    }

    public static Optional<AskStep> of(String slug) {
        return Arrays.stream(values()).filter(step -> step.slug.equals(slug)).findFirst();
    }

    /**
     * The form field an intake field path belongs to, and its step: {@code openConcerns[2]} and
     * {@code decisionsAtStake[0]} are their lists' inputs; {@code proxy.name} and {@code proxy.email}, which come from
     * the sign-in, are the step's own (shown at its top). Empty for a path no step asks.
     */
    public static Optional<Placed> place(String intakePath) {
        String listless = intakePath.replaceAll("\\[\\d+]$", "");
        for (AskStep step : values()) {
            for (String field : step.fields) {
                if (field.equals(intakePath) || field.equals(listless)) {
                    return Optional.of(new Placed(step, field));
                }
            }
        }
        if (intakePath.startsWith("patient") || intakePath.startsWith("proxy")) {
            return Optional.of(new Placed(WHO, ""));
        }
        if (intakePath.startsWith("previousSecondOpinions")) {
            return Optional.of(new Placed(QUESTION, ""));
        }
        for (AskStep step : values()) {
            String root = intakePath.split("[.\\[]", 2)[0];
            if (step.fields.stream().anyMatch(field -> field.startsWith(root + "."))) {
                return Optional.of(new Placed(step, ""));
            }
        }
        return Optional.empty();
    }

    /** Where a refusal is shown: the step, and the input ({@code ""}: the step as a whole). */
    public record Placed(AskStep step, String field) {
    }
}
