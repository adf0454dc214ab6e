package org.consilium.support.input;

import org.consilium.events.text.FieldProblem;
import org.consilium.events.text.PlainText;

import java.util.List;

/**
 * Input refused before it reaches the domain, with every bad field; answered as the same 400
 * {@code validation} problem as bean validation (ProblemHandlers).
 */
public class InvalidInput extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.size() + " field(s) are invalid");
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    /** Refuses this single-line text (a file name, a form field) when it holds what {@link PlainText} refuses. */
    public static String checkLine(String field, String value) {
        String problem = PlainText.problemInLine(value);
        if (problem != null) {
            throw of(field, problem);
        }
        return value;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
