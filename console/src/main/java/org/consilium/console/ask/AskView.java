package org.consilium.console.ask;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.consilium.console.patient.PatientWords;

/**
 * One step of the request form as its template reads it: the answers as typed, each input's id and refusal in the
 * page's words, and the steps for "step k of n".
 */
public record AskView(AskStep step, Answers answers, Refusals refusals, Asker asker, PatientWords w) {

    public List<AskStep> steps() {
        return Arrays.asList(AskStep.values());
    }

    public int count() {
        return AskStep.count();
    }

    public String value(String field) {
        return answers.first(field);
    }

    public boolean checked(String field, String code) {
        return answers.has(field, code);
    }

    /** An input's id: its name with what CSS selectors would need escaped made plain. */
    public String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-");
    }

    public boolean invalid(String field) {
        return refusals.at(field).isPresent();
    }

    /** What is wrong with a field, in the page's language; {@code ""} when nothing. */
    public String error(String field) {
        return refusals.at(field).map(this::words).orElse("");
    }

    /** The step-wide refusals (a field of intake's that no input asks), in words. */
    public List<String> stepErrors(AskStep of) {
        return refusals.ofStepAsAWhole(of).stream().map(this::words).toList();
    }

    /** {@code aria-describedby}: the hint (when the input has one) and the refusal (when there is one); else none. */
    public String describedBy(String field) {
        String ids = (!hint(field).isEmpty() ? id(field) + "-hint " : "") + (invalid(field) ? id(field) + "-error" : "");
        return ids.isBlank() ? null : ids.strip();
    }

    /** The step's mark in the list of steps: {@code current}, {@code attention} (refused), {@code done} (answered). */
    public String mark(AskStep of) {
        if (of == step) {
            return "current";
        }
        if (refusals.any(of)) {
            return "attention";
        }
        return of == AskStep.REVIEW || !answers.started(of) ? "" : "done";
    }

    /** The fields a person of this kind answers at a step (a patient's e-mail is their sign-in's; no proxy). */
    public List<String> fieldsOf(AskStep of) {
        return of.fields().stream().filter(field -> asker.caregiver() || !(field.equals("patient.email")
                || field.startsWith("proxy."))).toList();
    }

    /** An input's label; on the first step a caregiver is asked about the patient, not about themself. */
    public String label(String field) {
        String own = asker.caregiver() ? w.tOr("ask.f." + field + ".caregiver", "") : "";
        return own.isEmpty() ? w.say("ask.f." + field) : own;
    }

    /** A field as the review names it: a consent by its purpose, not by its "Yes, I agree". */
    public String title(String field) {
        return field.startsWith("consent.") ? w.say("consent." + PURPOSES.get(field) + ".title") : label(field);
    }

    private static final java.util.Map<String, String> PURPOSES = java.util.Map.of("consent.review", "REVIEW",
            "consent.shareWithPanel", "SHARE_WITH_PANEL", "consent.crossBorderTransfer", "CROSS_BORDER_TRANSFER",
            "consent.contactCurrentDoctor", "CONTACT_CURRENT_DOCTOR");

    /** An input's hint, {@code ""} when it has none. */
    public String hint(String field) {
        String own = asker.caregiver() ? w.tOr("ask.f." + field + ".hint.caregiver", "") : "";
        return own.isEmpty() ? w.tOr("ask.f." + field + ".hint", "") : own;
    }

    /** The choices of a field, in the page's words. */
    public List<AskChoices.Option> options(String field) {
        return switch (field) {
            case "patient.country" -> AskChoices.countries(w.language().locale());
            case "patient.timeZone" -> AskChoices.zones();
            case "patient.languages" -> AskChoices.languages(w.language().locale());
            default -> AskChoices.CODED.getOrDefault(field, List.of()).stream()
                    // "Cancer" is the case page's word for another kind; asked, it is said as one
                    .map(code -> new AskChoices.Option(code, w.tOr("ask." + WORDS.get(field) + code,
                            w.say(WORDS.get(field) + code)))).toList();
        };
    }

    private static final java.util.Map<String, String> WORDS = java.util.Map.of("patient.sex", "ask.sex.",
            "diagnosis.cancerType", "cancer.", "decisionsAtStake", "ask.decision.", "treatmentGoal", "ask.goal.",
            "whatSeemsMissing", "ask.missing.");
    private static final Set<String> TICKS = Set.of("proxy.patientConsents", "consent.review", "consent.shareWithPanel",
            "consent.crossBorderTransfer", "consent.contactCurrentDoctor");
    private static final Set<String> DATES = Set.of("firstOpinion.date", "plannedTreatmentStart",
            "previousSecondOpinions[0].date");

    /** Whether a field has an answer (a tick counts either way: it says yes or no). */
    public boolean answered(String field) {
        return TICKS.contains(field) || !answers.first(field).isBlank() || field.equals("patient.email") && !asker.caregiver();
    }

    /** An answer as the review shows it: choices in words, dates in the page's language, ticks as yes or no. */
    public String shown(String field) {
        if (TICKS.contains(field)) {
            return w.say(answers.has(field, "true") ? "ask.yes" : "ask.no");
        }
        if (field.equals("patient.email") && !asker.caregiver()) {
            return asker.email();
        }
        List<String> values = answers.all(field);
        if (values.isEmpty() || values.stream().allMatch(String::isBlank)) {
            return w.say("ask.review.none");
        }
        List<AskChoices.Option> options = AskChoices.CODED.containsKey(field) || field.equals("patient.country")
                || field.equals("patient.timeZone") ? options(field) : List.of();
        return values.stream().map(value -> options.stream().filter(o -> o.code().equals(value))
                .map(AskChoices.Option::words).findFirst().orElseGet(() -> DATES.contains(field) ? day(value) : value))
                .collect(Collectors.joining(", "));
    }

    private String day(String value) {
        try {
            return w.date(LocalDate.parse(value));
        } catch (DateTimeParseException notADate) {
            return value;
        }
    }

    private String words(Refusals.Refusal refusal) {
        String kind = refusal.key().substring(refusal.key().lastIndexOf('.') + 1);
        String own = w.tOr(refusal.key(), "");
        return own.isEmpty() ? w.say("ask.error." + kind, refusal.detail()) : own;
    }
}
