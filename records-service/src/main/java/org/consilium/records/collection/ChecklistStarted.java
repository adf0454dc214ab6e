package org.consilium.records.collection;

/** Published in-process when a case got its checklist, so what waited for one (intake documents) can go on. */
public record ChecklistStarted(String caseId) {
}
