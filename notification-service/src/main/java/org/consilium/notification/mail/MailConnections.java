package org.consilium.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long SMTP connections are kept open between emails ({@link SmtpConnectionPool}).
 *
 * @param maxIdle     connections kept open while no email needs them: one per thread that sends (the notification
 *                    commands' consumer threads and the deferred-delivery job); more would only idle
 * @param idleTimeout a connection unused this long is closed rather than used again: servers close idle ones after
 *                    minutes (Postfix 5), and a NOOP answers before each reuse anyway
 * @param maxEmails   emails on one connection before it is closed and a new one opened: some relays limit them
 */
@ConfigurationProperties("consilium.mail.connections")
public record MailConnections(@DefaultValue("4") int maxIdle,
                              @DefaultValue("30s") Duration idleTimeout,
                              @DefaultValue("100") int maxEmails) {
    public MailConnections {
        if (maxIdle < 0 || maxEmails < 1 || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("consilium.mail.connections: max-idle must be >= 0 (0 keeps none open), "
                    + "max-emails >= 1 and idle-timeout not negative; got " + maxIdle + ", " + maxEmails + ", "
                    + idleTimeout);
        }
    }
}
