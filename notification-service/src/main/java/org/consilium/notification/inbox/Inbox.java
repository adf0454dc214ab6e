package org.consilium.notification.inbox;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.problem.DomainProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/** Every user's in-app inbox: what was delivered to them, newest first, and what they have read. */
@Service
public class Inbox {
    private final InboxRepository messages;
    private final Clock clock;

    Inbox(InboxRepository messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Adds a delivered notification; adding the same delivery again changes nothing (not even "read"). */
    public Mono<Void> add(InboxEntry entry) {
        return messages.insert(InboxMessage.of(entry))
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
                .then();
    }

    Mono<List<InboxMessage>> of(String user) {
        return messages.findByUserOrderByDeliveredAtDesc(InboxMessage.userKey(user)).collectList();
    }

    Mono<InboxMessage> markRead(String user, String messageId) {
        return Mono.defer(() -> messages.findById(messageId)
                        .filter(message -> message.user().equals(InboxMessage.userKey(user)))
                        .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("inbox message", messageId + " of " + user)))
                        .flatMap(message -> {
                            message.read(clock.instant());
                            return messages.save(message);
                        }))
                .retryWhen(ConcurrentChanges.retry("the inbox message"));
    }
}
