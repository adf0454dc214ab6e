package org.consilium.support.parking;

/**
 * A message that cannot be applied until another event of its case has been: a command that overtook the event it
 * needs (two topics, no order between them). Thrown by a consumer's handler; a consumer made by
 * {@link ParkedMessages#consumer} parks the message instead of retrying it on the binding's thread, and applies it
 * once an event of the case has been applied ({@link ParkedMessages#release}). Never swallowed: if the awaited event
 * does not come within the deadline, the message goes to the binding's dead-letter topic with this as its error.
 */
public class NotApplicableYet extends RuntimeException {
    private final String awaited;

    /**
     * @param awaited the event it waits for, as people read it (e.g. "CaseSubmitted")
     * @param message why, naming the message and the case
     */
    public NotApplicableYet(String awaited, String message) {
        super(message);
        this.awaited = awaited;
    }

    public String awaited() {
        return awaited;
    }
}
