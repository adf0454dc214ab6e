package org.consilium.console.ask;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was refused in the request, each placed at its step and input: intake's validation problem
 * ({@code application/problem+json}, {@code errors: [{field, message}]}) and the form's own few checks. Each is said in
 * the patient's language by its key ({@code ask.error.required}; a field may have its own words,
 * {@code ask.error.consent.review.agree}), with intake's English words kept as the detail for what has no words of its
 * own. Kept in the session until the step is saved again, so that a reload still shows them.
 */
public record Refusals(List<Refusal> all) implements Serializable {
    public static final Refusals NONE = new Refusals(List.of());

    public Refusals {
        all = List.copyOf(all);
    }

    /**
     * @param field the input's name, {@code ""} for the step as a whole
     * @param key   the words' key
     */
    public record Refusal(AskStep step, String field, String key, String detail) implements Serializable {
    }

    /** Intake's field errors, placed. A path no step asks is placed at the review (it is shown there, in full). */
    static Refusals ofIntake(Map<String, String> fieldErrors) {
        List<Refusal> placed = new ArrayList<>();
        fieldErrors.forEach((path, message) -> {
            AskStep.Placed at = AskStep.place(path).orElse(new AskStep.Placed(AskStep.REVIEW, ""));
            String kind = kind(message);
            String key = at.field().isEmpty() ? "ask.error." + kind : "ask.error." + at.field() + "." + kind;
            placed.add(new Refusal(at.step(), at.field(), key, path + ": " + message));
        });
        return new Refusals(placed);
    }

    /**
     * Intake's refusals of a draft ({@code PUT /drafts/mine}): its paths name the answer in the draft's map and its
     * place in the answer's list ({@code answers.patient.name[0]}), placed as the request's own ({@code patient.name}).
     */
    static Refusals ofDraft(Map<String, String> fieldErrors) {
        Map<String, String> byField = new java.util.LinkedHashMap<>();
        fieldErrors.forEach((path, message) -> byField.putIfAbsent(
                path.replaceFirst("^answers\\.", "").replaceFirst("\\[\\d+]$", ""), message));
        return ofIntake(byField);
    }

    /** These and {@code more}; a field refused twice keeps the first words. */
    Refusals with(Refusals more) {
        List<Refusal> both = new ArrayList<>(all);
        more.all.stream().filter(r -> at(r.field()).isEmpty() || r.field().isEmpty()).forEach(both::add);
        return new Refusals(both);
    }

    /** The form's own refusals (a number or a date that is not one, a choice never offered). */
    static Refusals ofForm(Map<String, String> refusals) {
        List<Refusal> placed = new ArrayList<>();
        refusals.forEach((field, key) -> placed.add(new Refusal(AskStep.place(field).map(AskStep.Placed::step)
                .orElse(AskStep.REVIEW), field, key, "")));
        return new Refusals(placed);
    }

    /** Bean Validation's English, as every service words it, to the kind of problem the patient is told. */
    static String kind(String message) {
        String m = message == null ? "" : message;
        if (m.startsWith("must not be blank") || m.startsWith("must not be null") || m.startsWith("must not be empty")) {
            return "required";
        }
        if (m.startsWith("must be true")) {
            return "agree";
        }
        if (m.startsWith("size must be between")) {
            return "long";
        }
        if (m.contains("well-formed email")) {
            return "email";
        }
        if (m.contains("in the past or in the present")) {
            return "future";
        }
        if (m.startsWith("must not contain")) {
            return "characters";
        }
        if (m.startsWith("must be greater than") || m.startsWith("must be less than")) {
            return "range";
        }
        return "invalid";
    }

    public Optional<Refusal> at(String field) {
        return all.stream().filter(r -> r.field().equals(field)).findFirst();
    }

    /** The refusals of a step that name no input of it. */
    public List<Refusal> ofStepAsAWhole(AskStep step) {
        return all.stream().filter(r -> r.step() == step && r.field().isEmpty()).toList();
    }

    public boolean any(AskStep step) {
        return all.stream().anyMatch(r -> r.step() == step);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The first step with a refusal: where the person is taken to mend it. */
    public Optional<AskStep> first() {
        return all.stream().map(Refusal::step).min(Enum::compareTo);
    }

    /** Without a step's refusals: it was saved again, and is judged anew when the request is sent. */
    public Refusals without(AskStep step) {
        return new Refusals(all.stream().filter(r -> r.step() != step).toList());
    }
}
