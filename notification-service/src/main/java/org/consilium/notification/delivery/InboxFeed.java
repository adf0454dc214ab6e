package org.consilium.notification.delivery;

import org.consilium.notification.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * Puts every SENT delivery that is not yet in its recipient's in-app inbox there, then flags it {@code inboxed}.
 * {@link Deliveries} adds the entry itself before it records SENT (so the inbox holds the mail before its delivered
 * event can announce it); this feed is the safety net for a delivery whose own add failed or whose process died
 * in between. The inbox ignores a delivery it already holds, so a crash between the write and the flag
 * duplicates nothing.
 */
@Component
class InboxFeed {
    private static final Logger log = LoggerFactory.getLogger(InboxFeed.class);

    private final ReactiveMongoTemplate mongo;
    private final Inbox inbox;

    InboxFeed(ReactiveMongoTemplate mongo, Inbox inbox) {
        this.mongo = mongo;
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${consilium.notification.inbox.poll-interval:1s}", initialDelay = 2_000)
    void feed() {
        try {
            feedSent().block(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("could not feed delivered notifications to inboxes: {}", e.toString());
        }
    }

    Mono<Long> feedSent() {
        Query notYetInboxed = Query.query(Criteria.where("state").is(DeliveryState.SENT.name()).and("inboxed").ne(true));
        return mongo.find(notYetInboxed, Delivery.class)
                .concatMap(d -> inbox.add(d.inboxEntry())
                        // version + 1, as every change does, so that a save of an older copy fails instead of undoing this
                        .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id())),
                                new Update().set("inboxed", true).inc("version", 1), Delivery.class)))
                .count();
    }
}
