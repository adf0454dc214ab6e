package org.consilium.events;

/** One of the patient's own concerns, in their words, and the panel's answer. */
public record ReportConcern(String concern, String answer) {
}
