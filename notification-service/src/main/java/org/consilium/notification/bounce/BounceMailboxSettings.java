package org.consilium.notification.bounce;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The mailbox the SMTP relay returns bounces to (the envelope sender's mailbox), read over IMAP.
 *
 * @param enabled      off by default: the embedded stack has no bounce mailbox
 * @param protocol     {@code imap}, or {@code imaps} for TLS
 * @param folder       where DSNs arrive
 * @param pollInterval how often the mailbox is read
 */
@ConfigurationProperties("consilium.notification.bounces.imap")
public record BounceMailboxSettings(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("imaps") String protocol,
                                    @DefaultValue("localhost") String host,
                                    @DefaultValue("993") int port,
                                    @DefaultValue("") String username,
                                    @DefaultValue("") String password,
                                    @DefaultValue("INBOX") String folder,
                                    @DefaultValue("1m") Duration pollInterval) {
}
