package org.consilium.bpmn.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.task.Task;
import org.consilium.bpmn.taskform.RequiredWhen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /task/{id}/complete} (and {@code /submit-form}) checked against the task's form before
 * the engine runs: a task that does not exist is 404, a required form field that is neither sent nor
 * already set, or a value of the wrong type, is a 400 {@code validation} problem naming the variable.
 * Plain {@code complete} never validates the form, so the engine took a missing {@code accepted} and
 * failed later at the gateway that reads it, with a 500; a string "yes" for a boolean the same way.
 */
final class TaskFormCheck implements ContainerRequestFilter {
    private static final Pattern COMPLETION = Pattern.compile("^/?task/([^/]+)/(complete|submit-form)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> DECLARED_TYPES = Map.of(
            "boolean", Set.of("Boolean"), "long", Set.of("Long", "Integer", "Short"),
            "string", Set.of("String"), "date", Set.of("Date", "String"), "enum", Set.of("String"));

    private final TaskService tasks;
    private final FormService forms;

    TaskFormCheck(TaskService tasks, FormService forms) {
        this.tasks = tasks;
        this.forms = forms;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Matcher completion = COMPLETION.matcher(request.getUriInfo().getPath());
        if (!"POST".equals(request.getMethod()) || !completion.matches()) {
            return;
        }
        String instance = request.getUriInfo().getRequestUri().getPath();
        String taskId = completion.group(1);
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            request.abortWith(EngineProblem.notFound("task " + taskId + " does not exist", instance));
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        JsonNode variables;
        try {
            variables = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body).path("variables");
        } catch (IOException unreadable) {
            return; // Camunda answers unreadable JSON itself (400), rewritten by EngineRestProblems
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (FormField field : forms.getTaskFormData(taskId).getFormFields()) {
            String problem = problem(field, variables.path(field.getId()), taskId);
            if (problem == null) {
                problem = requiredByChoice(field, variables);
            }
            if (problem != null) {
                Map<String, String> error = new LinkedHashMap<>();
                error.put("field", field.getId());
                error.put("message", problem);
                errors.add(error);
            }
        }
        if (!errors.isEmpty()) {
            request.abortWith(EngineProblem.validation(errors, instance));
        }
    }

    private String problem(FormField field, JsonNode sent, String taskId) {
        if (has(field, "readonly")) {
            return null;
        }
        JsonNode value = sent.path("value");
        if (sent.isMissingNode() || value.isMissingNode() || value.isNull()) {
            return has(field, "required") && tasks.getVariable(taskId, field.getId()) == null ? "is required" : null;
        }
        String declared = sent.path("type").asText(null);
        Set<String> types = DECLARED_TYPES.get(field.getTypeName());
        if (types == null) {
            return null; // a custom form type: the engine's to judge
        }
        String expected = switch (field.getTypeName()) {
            case "boolean" -> value.isBoolean() || value.isTextual() && Set.of("true", "false").contains(value.asText())
                    ? null : "true or false";
            case "long" -> value.canConvertToLong() && value.isIntegralNumber()
                    || value.isTextual() && value.asText().matches("-?\\d{1,18}") ? null : "a whole number";
            case "enum" -> value.isTextual() && enumValues(field).contains(value.asText())
                    ? null : "one of " + enumValues(field);
            default -> value.isTextual() ? null : "text";
        };
        if (declared != null && !types.contains(declared)) {
            expected = expected == null ? "of type " + String.join(" or ", types) : expected;
        }
        return expected == null ? null : "must be " + expected + " (a " + field.getTypeName() + " field), not "
                + value + (declared == null ? "" : " of type " + declared);
    }

    /** The model's {@link RequiredWhen}, read from the answers as sent. */
    private static String requiredByChoice(FormField field, JsonNode variables) {
        String condition = field.getProperties().get(RequiredWhen.PROPERTY);
        if (condition == null) {
            return null;
        }
        RequiredWhen rule = RequiredWhen.parse(condition);
        JsonNode chosen = variables.path(rule.choice()).path("value");
        JsonNode value = variables.path(field.getId()).path("value");
        boolean applies = rule.appliesTo(chosen.isValueNode() && !chosen.isNull() ? chosen.asText() : null);
        return applies && RequiredWhen.isMissing(value.isValueNode() && !value.isNull() ? value.asText() : null)
                ? rule.message() : null;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> enumValues(FormField field) {
        Object values = field.getType().getInformation("values");
        return values instanceof Map<?, ?> map ? ((Map<String, String>) map).keySet() : Set.of();
    }

    private static boolean has(FormField field, String constraint) {
        return field.getValidationConstraints().stream().anyMatch(c -> constraint.equals(c.getName()));
    }
}
