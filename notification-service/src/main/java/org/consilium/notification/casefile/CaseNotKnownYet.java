package org.consilium.notification.casefile;

import org.consilium.support.parking.NotApplicableYet;

/**
 * A command names a case (or a report version) whose event has not reached notification-service yet: the command
 * and the event travel on different topics, with no order between them. The command is parked (ParkedMessages) and
 * sent once the event is applied; if the event does not come within the parking deadline, it ends on the
 * dead-letter topic, which the engine turns into a coordinator task (ADR 13). Nothing is sent half-addressed.
 */
public class CaseNotKnownYet extends NotApplicableYet {
    public CaseNotKnownYet(String awaited, String message) {
        super(awaited, message);
    }
}
