package org.consilium.mdt.session;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Puts cases on sessions. A seat on a board session is taken with one conditional update of the
 * session's roster (room left and case not yet on it), so concurrent bookings cannot overfill a
 * session; an ad-hoc session or asynchronous review is a roster of its own case. The session a
 * case already holds is found first, so a retried command is harmless.
 */
@Component
public class SessionBooking {
    private final SessionCalendar calendar;
    private final ReactiveMongoTemplate mongo;

    public SessionBooking(SessionCalendar calendar, ReactiveMongoTemplate mongo) {
        this.calendar = calendar;
        this.mongo = mongo;
    }

    /** The session the case holds a seat on, if any. */
    public Mono<SessionSlot> heldBy(String caseId) {
        return mongo.findOne(Query.query(Criteria.where("caseIds").is(caseId)), SessionRoster.class)
                .map(SessionRoster::slot);
    }

    /** Cases booked per session id, for the sessions that have a roster. */
    public Mono<Map<String, Integer>> booked(List<String> sessionIds) {
        return rosters(sessionIds).collectMap(SessionRoster::id, SessionRoster::booked);
    }

    /** Takes a seat on the session; empty when it filled up meanwhile. */
    public Mono<SessionSlot> takeSeat(SessionSlot slot, String caseId) {
        if (slot.kind() != SessionKind.BOARD) {
            return own(slot, caseId);
        }
        Query session = Query.query(Criteria.where("_id").is(slot.id()));
        Update create = new Update().setOnInsert("startsAt", slot.startsAt()).setOnInsert("endsAt", slot.endsAt())
                .setOnInsert("tumourGroup", slot.tumourGroup()).setOnInsert("kind", slot.kind().name())
                .setOnInsert("chairId", slot.chairId()).setOnInsert("caseIds", List.of()).setOnInsert("booked", 0);
        Query withRoom = Query.query(Criteria.where("_id").is(slot.id()).and("booked").lt(calendar.capacity(slot))
                .and("caseIds").ne(caseId));
        Update take = new Update().push("caseIds", caseId).inc("booked", 1);
        return mongo.upsert(session, create, SessionRoster.class)
                .then(mongo.findAndModify(withRoom, take, FindAndModifyOptions.options().returnNew(true),
                        SessionRoster.class))
                .map(SessionRoster::slot);
    }

    private Mono<SessionSlot> own(SessionSlot slot, String caseId) {
        Query session = Query.query(Criteria.where("_id").is(slot.id()));
        Update create = new Update().set("startsAt", slot.startsAt()).set("endsAt", slot.endsAt())
                .set("tumourGroup", slot.tumourGroup()).set("kind", slot.kind().name()).set("chairId", slot.chairId())
                .set("caseIds", List.of(caseId)).set("booked", 1);
        return mongo.upsert(session, create, SessionRoster.class).thenReturn(slot);
    }

    /** Frees the case's seat, if it holds one. Idempotent. */
    public Mono<Void> release(String caseId) {
        return mongo.updateMulti(Query.query(Criteria.where("caseIds").is(caseId)),
                new Update().pull("caseIds", caseId).inc("booked", -1), SessionRoster.class).then();
    }

    public Flux<SessionRoster> rosters(List<String> sessionIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(sessionIds)), SessionRoster.class);
    }

    public Mono<SessionRoster> roster(String sessionId) {
        return mongo.findById(sessionId, SessionRoster.class);
    }

    /** One-case sessions (ad-hoc and asynchronous) starting in [from, to). */
    public Flux<SessionRoster> oneCaseSessions(java.time.Instant from, java.time.Instant to) {
        return mongo.find(Query.query(Criteria.where("kind").in(SessionKind.AD_HOC.name(), SessionKind.ASYNCHRONOUS.name())
                .and("startsAt").gte(from).lt(to)), SessionRoster.class);
    }
}
