package org.consilium.support.audit;

import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Who read, decided or changed what on a case, when and from where (issue 6; HIPAA 164.312(b)).
 * A read is recorded <em>before</em> the content is served, and a failed write fails the read:
 * nothing is shown that the trail does not know about. Entries are only ever inserted.
 */
public class AuditTrail {
    static final int MAX_TEXT = 500;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final String source;

    public AuditTrail(ReactiveMongoTemplate mongo, Clock clock, String source) {
        this.mongo = mongo;
        this.clock = clock;
        this.source = source;
    }

    /** Records that the caller of {@code request} did {@code action} to {@code what} on {@code caseId}. */
    public Mono<Void> record(ServerHttpRequest request, String caseId, AuditAction action, String subtype, String what,
                             String description) {
        return write(request, caseId, action, subtype, what, description, false);
    }

    public Mono<Void> record(ServerHttpRequest request, String caseId, AuditEntry entry) {
        return record(request, caseId, entry.action(), entry.subtype(), entry.what(), entry.description());
    }

    /**
     * Fails with {@code problem}; a refusal of the caller (403) is on the trail first, so "who tried to
     * open this?" has an answer too. Other problems (404, 409...) are not attempts on someone's data.
     */
    public <T> Mono<T> refusing(ServerHttpRequest request, String caseId, AuditEntry entry, DomainProblem problem) {
        if (problem.status() != HttpStatus.FORBIDDEN) {
            return Mono.error(problem);
        }
        return refused(request, caseId, entry.action(), entry.subtype(), entry.what(), problem.getMessage())
                .then(Mono.error(problem));
    }

    /** Records a refused attempt (outcome "minor failure"): who tried to see what they may not. */
    public Mono<Void> refused(ServerHttpRequest request, String caseId, AuditAction action, String subtype, String what,
                              String description) {
        return write(request, caseId, action, subtype, what, description, true);
    }

    private Mono<Void> write(ServerHttpRequest request, String caseId, AuditAction action, String subtype, String what,
                             String description, boolean denied) {
        return Caller.current()
                .defaultIfEmpty(new Caller("anonymous", null, List.of()))
                .flatMap(caller -> mongo.insert(new AuditRecord(UUID.randomUUID().toString(), clock.instant(), caseId,
                        action, subtype, cut(what), cut(description), denied, caller.username(), caller.email(),
                        caller.roles(), clientAddress(request), cut(request.getHeaders().getFirst("X-Forwarded-For")),
                        cut(request.getHeaders().getFirst(HttpHeaders.USER_AGENT)), source)))
                .then();
    }

    /** A case's trail, newest first; {@code what} narrows it to one entity ("who opened this report?"). */
    public Flux<AuditRecord> ofCase(String caseId, String what, int limit) {
        Criteria criteria = Criteria.where("caseId").is(caseId);
        if (what != null && !what.isBlank()) {
            criteria = criteria.and("what").is(what);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "recorded")).limit(limit),
                AuditRecord.class);
    }

    static String clientAddress(ServerHttpRequest request) {
        return request.getRemoteAddress() == null ? null : request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
