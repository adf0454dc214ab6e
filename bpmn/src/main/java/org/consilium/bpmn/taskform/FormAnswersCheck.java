package org.consilium.bpmn.taskform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.consilium.events.text.PlainText;

/**
 * Checks a user task's answers when it is completed, inside the engine: every text the form lets a person write keeps
 * the services' text rule (ADR 14) and every {@link RequiredWhen} holds. The engine REST API checks the same before
 * the engine runs, with a problem per field; but Camunda Tasklist's own API ({@code /camunda/api/engine}) and the Java
 * API are other doors to the same completion, and a decline reason with U+0007 typed into Tasklist would have reached
 * the patient's mail, a decline without a reason would have declined the case in silence. A broken rule fails the
 * completion (the transaction rolls back; Tasklist shows the message, which the engine wraps as ENGINE-03051 "There
 * was an exception while invoking the TaskListener. Message: 'Task ReviewIntake cannot be completed: declineReason is
 * required when accepted is false'"), whatever the door.
 */
final class FormAnswersCheck implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        // the deployed model's form, not FormService: no authorization check of its own inside the completion
        for (CamundaFormField field : formFields(task)) {
            if (isReadonly(field)) {
                continue;
            }
            Object value = task.getVariable(field.getCamundaId());
            if (value instanceof String text) {
                String problem = PlainText.problem(text);
                if (problem != null) {
                    problems.add(field.getCamundaId() + " " + problem);
                }
            }
            String condition = property(field, RequiredWhen.PROPERTY);
            if (condition != null) {
                RequiredWhen rule = RequiredWhen.parse(condition);
                if (rule.appliesTo(task.getVariable(rule.choice())) && RequiredWhen.isMissing(value)) {
                    problems.add(field.getCamundaId() + " " + rule.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new NotValidException("Task " + task.getTaskDefinitionKey() + " cannot be completed: "
                    + String.join("; ", problems));
        }
    }

    private static Collection<CamundaFormField> formFields(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        ExtensionElements extensions = userTask == null ? null : userTask.getExtensionElements();
        if (extensions == null) {
            return List.of();
        }
        return extensions.getElementsQuery().filterByType(CamundaFormData.class).list().stream()
                .flatMap(form -> form.getCamundaFormFields().stream()).toList();
    }

    private static boolean isReadonly(CamundaFormField field) {
        return field.getCamundaValidation() != null && field.getCamundaValidation().getCamundaConstraints().stream()
                .anyMatch(constraint -> "readonly".equals(constraint.getCamundaName()));
    }

    private static String property(CamundaFormField field, String id) {
        return field.getCamundaProperties() == null ? null : field.getCamundaProperties().getCamundaProperties().stream()
                .filter(property -> id.equals(property.getCamundaId())).map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }
}
