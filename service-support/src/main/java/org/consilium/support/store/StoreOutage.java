package org.consilium.support.store;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The store cannot be reached (down, restarting, a replica set electing its primary) or failed inside itself
 * ({@link #failedInside}): nothing is wrong with the request or the message, it only has to come again later. Spring Data translates most of these into
 * {@link DataAccessResourceFailureException}; GridFS streams and direct driver calls throw the driver's own.
 */
public final class StoreOutage {

    /** How long a client is asked to wait (Retry-After) before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    static final List<Class<? extends Throwable>> KINDS = List.of(
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            MongoSocketException.class, MongoTimeoutException.class, MongoServerUnavailableException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class);

    /**
     * What the server says when it could not do the work for a reason of its own, not the request's: shutting down,
     * stepping down, interrupted by a failover, its network to the rest of the set (the driver's own list of
     * retryable codes: 6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436).
     */
    static final Set<Integer> TRANSIENT_CODES = Set.of(6, 7, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436);

    private StoreOutage() {
    }

    /**
     * The store answered but failed inside itself: a server error that the server labels retryable, carries one of
     * {@link #TRANSIENT_CODES}, or carries no code at all. A real MongoDB gives every error of a request a code; an
     * error without one is the embedded store's (mongo-java-server) answer to an exception in its own backend,
     * "Unknown error: null", met under load in the fault suite: the request was sound and goes through when sent
     * again. A duplicate key, a validation error or any other coded refusal is not an outage.
     */
    public static boolean failedInside(Throwable failure) {
        if (failure instanceof MongoServerException server) {
            return server.getCode() == -1 || TRANSIENT_CODES.contains(server.getCode())
                    || server.hasErrorLabel("RetryableWriteError")
                    || server.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL);
        }
        return false;
    }

    /** True when the failure, or anything that caused it, says the store is out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (KINDS.stream().anyMatch(kind -> kind.isInstance(current)) || failedInside(current)) {
                return true;
            }
        }
        return false;
    }
}
