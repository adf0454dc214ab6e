package org.consilium.support.security;

import org.consilium.support.input.InvalidInput;
import org.consilium.support.problem.DomainProblem;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Who does a decision that is recorded with a name (an approval, a waiver, a resolved delivery): the token's user,
 * never a body field. A body may still name them (clients written before the token did), and is refused with 403
 * {@code not-yourself} when it names anyone else: a history that says who decided must not take the caller's word.
 * Only where no token is enforced (a service run with security off) does the body's field name them, and then must.
 */
public final class Acting {
    private Acting() {
    }

    /** The acting user's name; {@code named} is the body's claim (may be null), {@code field} its name for a 400. */
    public static Mono<String> as(String named, String field) {
        String given = named == null || named.isBlank() ? null : named.strip();
        return Caller.current()
                .flatMap(caller -> given == null || given.equals(caller.username()) ? Mono.just(caller.username())
                        : Mono.<String>error(notYourself(caller, given + " (" + field + ")", "not-yourself")))
                .switchIfEmpty(Mono.defer(() -> given != null ? Mono.just(given)
                        : Mono.error(InvalidInput.of(field, "is required when no token names who acts"))));
    }

    /**
     * Completes when the token's user is {@code actingAs} (a path or body that names the one who acts, such as the
     * member whose opinion it is); a 403 {@code slug} otherwise. Without a token (security off) it completes.
     */
    public static Mono<Void> require(String actingAs, String slug) {
        return Caller.current()
                .filter(caller -> !caller.username().equals(actingAs))
                .flatMap(caller -> Mono.<Void>error(notYourself(caller, actingAs, slug)))
                .then();
    }

    private static DomainProblem notYourself(Caller caller, String actingAs, String slug) {
        return new DomainProblem(HttpStatus.FORBIDDEN, slug, "the token is " + caller.username() + "'s; it may not act as "
                + actingAs);
    }
}
