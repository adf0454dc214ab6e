package org.consilium.console.ops;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consilium.console.errors.BadInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Ops's work on dead letters: the list with what was decided, a replay to the topic a record came from, a discard
 * with a reason. Each decision is stored before the answer (who, when, why): the page's audit, and a guard against
 * replaying a record twice by mistake (a second replay would change nothing anyway: consumers deduplicate by id).
 */
@Component
class DeadLetterDesk {
    private static final Logger log = LoggerFactory.getLogger(DeadLetterDesk.class);
    static final int MOST_AT_ONCE = 100;
    static final int REASON_LIMIT = 500;

    private final DeadLetterTopics topics;
    private final ReactiveMongoTemplate store;
    private final Clock clock;

    DeadLetterDesk(DeadLetterTopics topics, ReactiveMongoTemplate store, Clock clock) {
        this.topics = topics;
        this.store = store;
        this.clock = clock;
    }

    /** Every dead letter on the broker, newest first, each with its decision if one was made. */
    Mono<List<DeadLetter>> all() {
        return Mono.fromCallable(topics::all).subscribeOn(Schedulers.boundedElastic())
                .flatMap(rows -> decisions(rows.stream().map(DeadLetter::place).toList())
                        .map(made -> rows.stream().map(row -> made.containsKey(row.place()) ? row.decided(made.get(row.place()))
                                : row).toList()));
    }

    /** Sends each open one of {@code places} back to its topic; the decisions made, one per record replayed. */
    Flux<DeadLetterDecision> replay(List<String> places, String by, String reason) {
        return decide(places, by, reason, DeadLetterDecision.Action.REPLAYED);
    }

    /** Marks each open one of {@code places} as not to be applied, with why. */
    Flux<DeadLetterDecision> discard(List<String> places, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            return Flux.error(new BadInput("reason", "say why these dead letters will not be applied"));
        }
        return decide(places, by, reason, DeadLetterDecision.Action.DISCARDED);
    }

    private Flux<DeadLetterDecision> decide(List<String> places, String by, String reason, DeadLetterDecision.Action action) {
        if (places == null || places.isEmpty()) {
            return Flux.error(new BadInput("place", "choose at least one dead letter"));
        }
        if (places.size() > MOST_AT_ONCE) {
            return Flux.error(new BadInput("place", "at most " + MOST_AT_ONCE + " dead letters at once"));
        }
        if (reason != null && reason.length() > REASON_LIMIT) {
            return Flux.error(new BadInput("reason", "at most " + REASON_LIMIT + " characters"));
        }
        List<DeadLetter.Place> parsed;
        try {
            parsed = places.stream().map(DeadLetter.Place::parse).toList();
        } catch (IllegalArgumentException e) {
            return Flux.error(new BadInput("place", e.getMessage()));
        }
        if (parsed.stream().anyMatch(place -> !DeadLetterTopics.isDeadLetterTopic(place.topic()))) {
            return Flux.error(new BadInput("place", "only records of dead-letter topics (error.*, *.bpmn.dlt) are replayed here"));
        }
        return decisions(places).flatMapMany(made -> Flux.fromIterable(parsed)
                .filter(place -> !made.containsKey(place.toString()))
                .concatMap(place -> one(place, by, reason, action)));
    }

    private Mono<DeadLetterDecision> one(DeadLetter.Place place, String by, String reason, DeadLetterDecision.Action action) {
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        DeadLetterDecision decision = new DeadLetterDecision(place.toString(), action, by, why, clock.instant());
        Mono<Void> done = action == DeadLetterDecision.Action.DISCARDED ? Mono.empty()
                : Mono.fromRunnable(() -> {
                    var record = topics.record(place).orElseThrow(() -> new BadInput("place", place
                            + " is no longer on the broker (its retention ended)"));
                    topics.replay(record, DeadLetterTopics.row(record).originalTopic());
                }).subscribeOn(Schedulers.boundedElastic()).then();
        // replayed first, then recorded: a crash between leaves it open, and replaying it again changes nothing
        return done.then(store.insert(decision))
                // two people replaying the same record at once: both sent it (applied once); the first decision stands
                .onErrorResume(DuplicateKeyException.class, alreadyDecided -> Mono.empty())
                .doOnNext(made -> log.info("dead letter {} {} by {}{}", made.place(), made.action(), made.by(),
                        made.reason() == null ? "" : ": " + made.reason()));
    }

    private Mono<Map<String, DeadLetterDecision>> decisions(List<String> places) {
        return store.find(Query.query(Criteria.where("_id").in(places)), DeadLetterDecision.class)
                .collect(Collectors.toMap(DeadLetterDecision::place, Function.identity()));
    }
}
