package org.consilium.console.room;

import org.consilium.console.language.StaffWords;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.util.MultiValueMap;

/**
 * The opinion form as typed: mdt-scheduler's structured fields of {@code POST /reviews/{caseId}/opinions} as the
 * browser sends them, kept as text so that a refused or half-typed form comes back exactly as it was. The
 * {@code idempotencyKey} is made when the form is first shown and travels with it (a hidden field), so the same
 * form sent twice — a double click, a reload after a lost answer — is one opinion at mdt-scheduler.
 *
 * @param agreesWithFirstOpinion {@code "true"}, {@code "false"} or empty (not chosen yet)
 * @param confidence             {@code LOW}, {@code MEDIUM}, {@code HIGH} or empty
 */
public record OpinionForm(String recommendation, String agreesWithFirstOpinion, String confidence,
                          String informationMissing, String idempotencyKey) {
    /** mdt-scheduler's limit on each text; a draft longer than this is not kept (the session is memory). */
    static final int MAX_TEXT = 4000;

    public OpinionForm {
        recommendation = recommendation == null ? "" : recommendation;
        agreesWithFirstOpinion = agreesWithFirstOpinion == null ? "" : agreesWithFirstOpinion;
        confidence = confidence == null ? "" : confidence;
        informationMissing = informationMissing == null ? "" : informationMissing;
    }

    static OpinionForm empty() {
        return new OpinionForm("", "", "", "", UUID.randomUUID().toString());
    }

    static OpinionForm of(MultiValueMap<String, String> form) {
        return new OpinionForm(form.getFirst("recommendation"), form.getFirst("agreesWithFirstOpinion"),
                form.getFirst("confidence"), form.getFirst("informationMissing"), form.getFirst("idempotencyKey"));
    }

    /**
     * What the console itself refuses before asking anyone, by field: a key that is not the one the form was given
     * (a UUID), and texts over the limit. Everything else is mdt-scheduler's to judge (required fields, codes).
     */
    Map<String, String> ownProblems() {
        return ownProblems(StaffWords.ENGLISH);
    }

    /** The same, said in the page's language. */
    Map<String, String> ownProblems(StaffWords words) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (!isUuid(idempotencyKey)) {
            problems.put("idempotencyKey", words.say("room.opinion.key"));
        }
        if (recommendation.length() > MAX_TEXT) {
            problems.put("recommendation", words.say("room.opinion.tooLong", MAX_TEXT, recommendation.length()));
        }
        if (informationMissing.length() > MAX_TEXT) {
            problems.put("informationMissing", words.say("room.opinion.tooLong", MAX_TEXT, informationMissing.length()));
        }
        return problems;
    }

    /** The body mdt-scheduler takes, as the signed-in member: a choice not made is sent as missing, for it to name. */
    Map<String, Object> body(String specialistId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("specialistId", specialistId);
        body.put("recommendation", recommendation.strip());
        body.put("agreesWithFirstOpinion", switch (agreesWithFirstOpinion) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
        body.put("confidence", confidence.isBlank() ? null : confidence);
        body.put("informationMissing", informationMissing.isBlank() ? null : informationMissing.strip());
        return body;
    }

    boolean blank() {
        return recommendation.isBlank() && agreesWithFirstOpinion.isBlank() && confidence.isBlank()
                && informationMissing.isBlank();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
