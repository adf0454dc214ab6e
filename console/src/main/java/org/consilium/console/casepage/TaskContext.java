package org.consilium.console.casepage;

import java.util.Map;

/**
 * What a task's decision needs in view beside its form, by task definition key. A task not named here still gets
 * its form, its facts and its description from the model; this adds what lives in another service.
 */
enum TaskContext {
    /** The request from intake: the question, the diagnosis, the first opinion, the patient. */
    INTAKE,
    /** The records checklist from records-service: each item's state and how recent it is. */
    RECORDS,
    NONE;

    private static final Map<String, TaskContext> BY_TASK = Map.of(
            "ReviewIntake", INTAKE,
            "AskAboutDecision", INTAKE,
            "VerifyDossier", RECORDS,
            "ChaseMissingRecords", RECORDS,
            "CompleteDossier", RECORDS);

    static TaskContext of(String taskDefinitionKey) {
        return taskDefinitionKey == null ? NONE : BY_TASK.getOrDefault(taskDefinitionKey, NONE);
    }

    public String key() {
        return name().toLowerCase();
    }
}
