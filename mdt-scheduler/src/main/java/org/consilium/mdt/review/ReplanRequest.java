package org.consilium.mdt.review;

import jakarta.validation.constraints.Size;
import org.consilium.mdt.directory.Disciplines;
import org.consilium.events.text.FieldProblem;
import org.consilium.support.input.InvalidInput;

import java.util.ArrayList;
import java.util.List;

/**
 * The optional body of {@code POST /reviews/{caseId}/schedule}: for this case only, specialists not licensed
 * in the patient's country may sit in these disciplines, for this reason. Without disciplines the re-plan
 * is as before (after the directory changed).
 */
public record ReplanRequest(@Size(max = 21) List<String> crossBorderDisciplines, @Size(max = 2000) String reason) {

    /**
     * The disciplines named, each once; every bad field listed at once (400 {@code validation}): codes the
     * directory does not know, a widening without a reason, a reason without a widening.
     */
    List<String> disciplines() {
        List<String> named = crossBorderDisciplines == null ? List.of() : crossBorderDisciplines;
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            if (named.get(i) == null || !Disciplines.CODES.contains(named.get(i))) {
                problems.add(new FieldProblem("crossBorderDisciplines[" + i + "]", "is not a discipline code ("
                        + String.join(", ", Disciplines.CODES) + ")"));
            }
        }
        boolean reasoned = reason != null && !reason.isBlank();
        if (!named.isEmpty() && !reasoned) {
            problems.add(new FieldProblem("reason", "is required when crossBorderDisciplines are named: why this "
                    + "case may be reviewed by specialists not licensed in the patient's country"));
        }
        if (named.isEmpty() && reasoned) {
            problems.add(new FieldProblem("crossBorderDisciplines", "must name the disciplines the reason is for"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return named.stream().distinct().toList();
    }
}
