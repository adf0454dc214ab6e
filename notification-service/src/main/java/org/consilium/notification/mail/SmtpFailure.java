package org.consilium.notification.mail;

/**
 * SMTP did not take the email. {@code definite} when it certainly did not (no connection, or the
 * server refused it); otherwise the transfer broke off where the server may already have accepted it.
 */
public class SmtpFailure extends RuntimeException {
    private final boolean definite;

    public SmtpFailure(String message, Throwable cause, boolean definite) {
        super(message, cause);
        this.definite = definite;
    }

    public boolean definite() {
        return definite;
    }
}
