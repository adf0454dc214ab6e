package org.consilium.events.text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link PlainText} over a JSON tree, for bodies read as a tree rather than bound to records (a FHIR
 * Bundle): every text value and every property name, each refusal with its path
 * ({@code entry[0].resource.name[0].given[0]}).
 */
public final class JsonTreeText {

    private JsonTreeText() {
    }

    public static List<FieldProblem> problems(JsonNode tree) {
        List<FieldProblem> problems = new ArrayList<>();
        collect(tree, "", problems);
        return problems;
    }

    private static void collect(JsonNode node, String path, List<FieldProblem> problems) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String problem = PlainText.problem(node.textValue());
            if (problem != null) {
                problems.add(new FieldProblem(path.isEmpty() ? "body" : path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String name = (path.isEmpty() ? "" : path + ".") + property.getKey();
                String problem = PlainText.problemInLine(property.getKey());
                if (problem != null) {
                    problems.add(new FieldProblem(name, "the property name " + problem));
                }
                collect(property.getValue(), name, problems);
            }
        }
    }
}
