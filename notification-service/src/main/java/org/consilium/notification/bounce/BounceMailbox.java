package org.consilium.notification.bounce;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.consilium.notification.delivery.Deliveries;
import org.consilium.notification.delivery.ReportBounce;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads unseen messages in the bounce mailbox and marks the emails that DSNs report permanently undeliverable
 * BOUNCED, as {@code POST /deliveries/bounces} would. A message is flagged seen once handled (a bounce stored, or
 * not a bounce of ours); one that could not be stored stays unseen and is read again at the next poll.
 */
@Component
@ConditionalOnProperty(prefix = "consilium.notification.bounces.imap", name = "enabled", havingValue = "true")
class BounceMailbox {
    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final BounceMailboxSettings settings;
    private final Deliveries deliveries;
    /** Logged once per outage, not once per poll. */
    private boolean unreachable;

    BounceMailbox(BounceMailboxSettings settings, Deliveries deliveries) {
        this.settings = settings;
        this.deliveries = deliveries;
    }

    @Scheduled(fixedDelayString = "${consilium.notification.bounces.imap.poll-interval:1m}", initialDelay = 2_000)
    void poll() {
        try {
            int bounces = read();
            unreachable = false;
            if (bounces > 0) {
                log.info("{} bounce(s) read from the bounce mailbox", bounces);
            }
        } catch (MessagingException e) {
            if (!unreachable) {
                log.warn("cannot read the bounce mailbox {}@{}:{}, will keep trying: {}", settings.username(),
                        settings.host(), settings.port(), e.toString());
            }
            unreachable = true;
        }
    }

    private int read() throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail." + settings.protocol() + ".connectiontimeout", "5000");
        properties.put("mail." + settings.protocol() + ".timeout", "10000");
        Store store = Session.getInstance(properties).getStore(settings.protocol());
        store.connect(settings.host(), settings.port(), settings.username(), settings.password());
        try {
            Folder folder = store.getFolder(settings.folder());
            folder.open(Folder.READ_WRITE);
            try {
                int bounces = 0;
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (handle(message)) {
                        bounces++;
                    }
                }
                return bounces;
            } finally {
                folder.close(false);
            }
        } finally {
            store.close();
        }
    }

    /** True when it was a bounce of one of our emails, now stored. */
    private boolean handle(Message message) throws MessagingException {
        Optional<ReportBounce> bounce;
        try {
            bounce = DeliveryStatusNotification.bounce(message);
        } catch (IOException | MessagingException unreadable) {
            log.warn("bounce mailbox message {} is unreadable, skipped: {}", message.getMessageNumber(), unreadable.toString());
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        if (bounce.isEmpty()) {
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        }
        try {
            deliveries.bounced(bounce.get()).block(Duration.ofSeconds(30));
            message.setFlag(Flags.Flag.SEEN, true);
            return true;
        } catch (DomainProblem notOurs) {
            log.info("DSN for {} not applied: {}", bounce.get().messageId(), notOurs.getMessage());
            message.setFlag(Flags.Flag.SEEN, true);
            return false;
        } catch (RuntimeException storeFailed) {
            log.warn("DSN for {} could not be stored, read again next time: {}", bounce.get().messageId(), storeFailed.toString());
            return false;
        }
    }
}
