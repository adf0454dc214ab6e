package org.consilium.events;

/** One specialist on a case's panel; the chair signs the consensus. */
public record PanelMember(String specialistId, String name, String discipline, String timeZone, boolean chair) {
}
