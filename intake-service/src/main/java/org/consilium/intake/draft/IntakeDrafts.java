package org.consilium.intake.draft;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The caller's one unfinished request: read, saved as they go (from any device: it is kept here, not in a browser),
 * discarded, and deleted once sent. A draft past its expiry is gone: it is not served, and the hourly sweep removes it.
 */
@Service
public class IntakeDrafts {
    private static final Logger log = LoggerFactory.getLogger(IntakeDrafts.class);
    private final DraftRepository drafts;
    private final DraftProperties properties;
    private final Clock clock;

    public IntakeDrafts(DraftRepository drafts, DraftProperties properties, Clock clock) {
        this.drafts = drafts;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<IntakeDraft> mine() {
        return owner().flatMap(owner -> drafts.findById(owner)
                .flatMap(draft -> draft.expired(clock.instant()) ? drafts.delete(draft).then(Mono.empty()) : Mono.just(draft))
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.NOT_FOUND, "no-draft",
                        owner + " has no unfinished request"))));
    }

    Mono<IntakeDraft> save(SaveDraft change) {
        DraftAnswers answers = new DraftAnswers(change.answers());
        // two devices saving at once: the later write wins, re-applied on a version conflict rather than refused
        return owner().flatMap(owner -> drafts.findById(owner)
                .filter(draft -> !draft.expired(clock.instant()))
                .defaultIfEmpty(IntakeDraft.start(owner, clock.instant()))
                .flatMap(draft -> {
                    draft.save(answers, change.step(), clock.instant(), properties.keepFor());
                    return drafts.save(draft);
                })
                .retryWhen(ConcurrentChanges.retry("draft of " + owner)));
    }

    Mono<Void> discard() {
        return owner().flatMap(drafts::deleteById);
    }

    /**
     * A request was opened with this key: the caller's draft it was written from is deleted. Any other send (no key,
     * another key) leaves the draft alone, since the person may be writing it still.
     */
    public Mono<Void> sent(String idempotencyKey) {
        if (idempotencyKey == null) {
            return Mono.empty();
        }
        return Caller.current().flatMap(caller -> drafts.findById(caller.username()))
                .filter(draft -> draft.sentWith(idempotencyKey))
                .flatMap(drafts::delete);
    }

    @Scheduled(fixedDelayString = "${consilium.intake.drafts.sweep-every:1h}", initialDelayString = "1m")
    void sweep() {
        drafts.deleteByExpiresAtBefore(clock.instant())
                .subscribe(deleted -> log.info("deleted {} expired drafts", deleted),
                        failed -> log.warn("expired drafts not deleted this time; the next sweep tries again", failed));
    }

    private static Mono<String> owner() {
        return Caller.current().map(Caller::username)
                .switchIfEmpty(Mono.error(() -> new DomainProblem(HttpStatus.UNAUTHORIZED, "unauthorized",
                        "a draft belongs to a signed-in person; this request carries no token")));
    }
}
