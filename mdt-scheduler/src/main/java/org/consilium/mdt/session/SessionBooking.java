package org.consilium.mdt.session;

import org.consilium.events.Urgency;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Puts cases on sessions. A seat is taken with one conditional update of the session's roster
 * (room left and case not yet on it), so concurrent bookings cannot overfill a session; booking
 * the same case again returns the session it already holds, so a retried command is harmless.
 */
@Component
public class SessionBooking {
    private final SessionCalendar calendar;
    private final ReactiveMongoTemplate mongo;

    public SessionBooking(SessionCalendar calendar, ReactiveMongoTemplate mongo) {
        this.calendar = calendar;
        this.mongo = mongo;
    }

    public Mono<SessionSlot> book(String caseId, Urgency urgency) {
        return mongo.findOne(Query.query(Criteria.where("caseIds").is(caseId)), SessionRoster.class)
                .map(SessionRoster::slot)
                .switchIfEmpty(Mono.defer(() -> bookEarliest(caseId, urgency)));
    }

    /** Frees the case's seat, if it holds one. Idempotent. */
    public Mono<Void> release(String caseId) {
        return mongo.updateMulti(Query.query(Criteria.where("caseIds").is(caseId)),
                new Update().pull("caseIds", caseId).inc("booked", -1), SessionRoster.class).then();
    }

    public Flux<SessionRoster> rosters(List<String> sessionIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(sessionIds)), SessionRoster.class);
    }

    private Mono<SessionSlot> bookEarliest(String caseId, Urgency urgency) {
        List<SessionSlot> candidates = calendar.candidatesFor(urgency);
        return rosters(candidates.stream().map(SessionSlot::id).toList())
                .collectMap(SessionRoster::id, SessionRoster::booked)
                .flatMapMany(booked -> Flux.fromIterable(calendar.withRoom(candidates, booked)))
                .concatMap(slot -> takeSeat(slot, caseId))
                .next()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no " + urgency
                        + " session with room within the horizon for case " + caseId)));
    }

    private Mono<SessionSlot> takeSeat(SessionSlot slot, String caseId) {
        Query session = Query.query(Criteria.where("_id").is(slot.id()));
        Update create = new Update().setOnInsert("startsAt", slot.startsAt()).setOnInsert("caseIds", List.of())
                .setOnInsert("booked", 0);
        Query withRoom = Query.query(Criteria.where("_id").is(slot.id()).and("booked").lt(calendar.capacity())
                .and("caseIds").ne(caseId));
        Update take = new Update().push("caseIds", caseId).inc("booked", 1);
        return mongo.upsert(session, create, SessionRoster.class)
                .then(mongo.findAndModify(withRoom, take, FindAndModifyOptions.options().returnNew(true),
                        SessionRoster.class))
                .map(SessionRoster::slot);
    }
}
