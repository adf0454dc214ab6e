package org.consilium.events;

/** Every event and command belongs to exactly one case; its id is the record key and the CloudEvents subject. */
public interface CaseMessage {
    String caseId();
}
