package org.consilium.notification.casefile;

/**
 * A command names a case (or a report version) whose event has not reached notification-service yet: the command
 * and the event travel on different topics, with no order between them. Thrown so that the binder retries the
 * command with back-off; if the event never comes, the command ends on the dead-letter topic, which the engine
 * turns into a coordinator task (ADR 13). Never swallowed: nothing is sent half-addressed.
 */
public class CaseNotKnownYet extends RuntimeException {
    public CaseNotKnownYet(String message) {
        super(message);
    }
}
