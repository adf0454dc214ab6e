package org.consilium.support.concurrency;

import reactor.core.publisher.Mono;

/**
 * A write that must complete once it has started, even if the client that asked for it goes away (a cancelled
 * subscription): subscribed through a future, which a cancel does not reach. The subscriber's Reactor context goes
 * along: without it the write ran with none, so whatever the context carries was lost (who is uploading, and the
 * request's trace, which an outbox entry takes from it: ADR 19).
 */
public final class RunsToTheEnd {

    private RunsToTheEnd() {
    }

    public static <T> Mono<T> of(Mono<T> write) {
        return Mono.deferContextual(context -> Mono.fromFuture(write.contextWrite(context).toFuture(), true));
    }
}
