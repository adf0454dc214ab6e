package org.consilium.bpmn.command;

import org.consilium.events.Envelope;

/** The broker did not acknowledge a command in time; the engine job fails and is retried. */
public class CommandNotSentException extends RuntimeException {
    public CommandNotSentException(Envelope envelope, Throwable cause) {
        super("case " + envelope.caseId() + ": " + envelope.type().messageName() + " " + envelope.id()
                + " not acknowledged: " + cause, cause);
    }
}
