package org.consilium.events;

/** Triage outcome: how fast the case must move. Ordered from least to most pressing. */
public enum Urgency {
    ROUTINE, EXPEDITED, URGENT
}
