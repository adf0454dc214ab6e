package org.consilium.support.access;

import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The per-case gate of a request: completes when the caller may do {@code action} with the case,
 * fails with a 403 problem otherwise. An unknown case is refused the same way as someone else's
 * (no answer tells a caller which case ids exist), except to staff, who get the service's 404.
 * Without a caller (a service that does not enforce tokens) the request passes.
 */
public final class CaseGuard {

    private CaseGuard() {
    }

    /**
     * @param audience the case's audience, empty when the case is unknown here
     * @param unknown  the error for staff when the case is unknown (usually the service's 404)
     */
    public static Mono<Void> require(Mono<CaseAudience> audience, CaseAction action, String caseId,
                                     Supplier<? extends Throwable> unknown) {
        return Caller.current()
                .flatMap(caller -> audience
                        .map(a -> a.allows(caller, action))
                        .switchIfEmpty(Mono.defer(() -> CaseAudience.of(caseId, List.of(), List.of())
                                .allows(caller, action) ? Mono.error(unknown.get()) : Mono.just(false)))
                        .flatMap(allowed -> allowed ? Mono.<Void>empty() : Mono.error(refused(caller, action, caseId))))
                .then();
    }

    public static DomainProblem refused(Caller caller, CaseAction action, String caseId) {
        return new DomainProblem(HttpStatus.FORBIDDEN, "not-your-case", caller.username() + " may not "
                + action.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " case " + caseId);
    }
}
