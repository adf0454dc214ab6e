package org.consilium.support.concurrency;

import org.consilium.support.problem.DomainProblem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

import java.time.Duration;

/**
 * How a read-decide-save of one aggregate meets a concurrent change (its version moved): read again and
 * decide again, after a short randomised pause so that several people acting at once (a panel posting
 * its opinions) do not collide again in lockstep. Only if it keeps colliding does the caller get a 409
 * saying so, never a 500 (issue 12).
 */
public final class ConcurrentChanges {
    private static final int ATTEMPTS = 10;

    private ConcurrentChanges() {
    }

    public static RetryBackoffSpec retry(String what) {
        return Retry.backoff(ATTEMPTS, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(250)).jitter(0.75)
                .filter(OptimisticLockingFailureException.class::isInstance)
                .onRetryExhaustedThrow((spec, signal) -> new DomainProblem(HttpStatus.CONFLICT, "concurrent-change",
                        what + " kept changing while this request was applied (" + signal.totalRetries()
                                + " attempts); send it again"));
    }
}
