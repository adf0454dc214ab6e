package org.consilium.console.patient;

import java.util.function.Function;

import org.consilium.console.services.ServiceProblem;
import reactor.core.publisher.Mono;

/**
 * One section's answer from its service: the value, or why it is missing, so that a service that is down leaves its
 * section saying what cannot be shown (in the page's words, with the service's status) and never a blank page.
 *
 * @param value   null when absent
 * @param problem the key of the words for what is missing, empty when the value came (or there is none to have)
 * @param status  the service's status, 0 when it did not answer
 */
public record Part<T>(T value, String problem, int status) {

    public boolean present() {
        return value != null;
    }

    public boolean failed() {
        return !problem.isEmpty();
    }

    /** The service's answer, a 404 as "none yet" when {@code notFoundIsNone}, any other failure as {@code problemKey}. */
    static <T> Mono<Part<T>> of(Mono<T> call, String problemKey, boolean notFoundIsNone) {
        return call.map(value -> new Part<>(value, "", 200))
                .defaultIfEmpty(new Part<>(null, "", 200))
                .onErrorResume(error -> {
                    int status = error instanceof ServiceProblem problem ? problem.status() : 0;
                    return Mono.just(status == 404 && notFoundIsNone ? new Part<>(null, "", 404)
                            : new Part<>(null, problemKey, status));
                });
    }

    <R> R map(Function<T, R> mapping, R otherwise) {
        return value == null ? otherwise : mapping.apply(value);
    }
}
