package org.consilium.console.room;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.MultiValueMap;

/**
 * The chair's consensus as typed ({@code POST /reviews/{caseId}/consensus}): the recommendation, whether it confirms
 * the first opinion (and, when it does not, why it differs), the plain-language summary for the patient, and the
 * dissent kept — one line per dissenting view. What is still missing and supportive care, one line each, go into the
 * report as its optional sections. The answers to the patient's concerns and the structured comparison with the first
 * opinion stay with the coordinator's report edit (mdt-scheduler's API), not on this form.
 */
public record ConsensusForm(String confirmsFirstOpinion, String recommendation, String plainLanguageSummary,
                            String differenceExplanation, String dissent, String stillMissing, String supportiveCare) {

    public ConsensusForm {
        confirmsFirstOpinion = confirmsFirstOpinion == null ? "" : confirmsFirstOpinion;
        recommendation = recommendation == null ? "" : recommendation;
        plainLanguageSummary = plainLanguageSummary == null ? "" : plainLanguageSummary;
        differenceExplanation = differenceExplanation == null ? "" : differenceExplanation;
        dissent = dissent == null ? "" : dissent;
        stillMissing = stillMissing == null ? "" : stillMissing;
        supportiveCare = supportiveCare == null ? "" : supportiveCare;
    }

    static ConsensusForm empty() {
        return new ConsensusForm("", "", "", "", "", "", "");
    }

    static ConsensusForm of(MultiValueMap<String, String> form) {
        return new ConsensusForm(form.getFirst("confirmsFirstOpinion"), form.getFirst("recommendation"),
                form.getFirst("plainLanguageSummary"), form.getFirst("differenceExplanation"), form.getFirst("dissent"),
                form.getFirst("stillMissing"), form.getFirst("supportiveCare"));
    }

    Map<String, Object> body(String chairId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chairId", chairId);
        body.put("confirmsFirstOpinion", switch (confirmsFirstOpinion) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
        body.put("recommendation", recommendation.strip());
        body.put("plainLanguageSummary", plainLanguageSummary.strip());
        body.put("differenceExplanation", differenceExplanation.isBlank() ? null : differenceExplanation.strip());
        body.put("dissent", lines(dissent));
        List<String> missing = lines(stillMissing);
        body.put("stillMissing", missing.isEmpty() ? null : missing);
        List<String> care = lines(supportiveCare);
        body.put("supportiveCare", care.isEmpty() ? null : care);
        return body;
    }

    /** One entry per non-blank line. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
