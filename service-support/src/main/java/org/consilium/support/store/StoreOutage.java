package org.consilium.support.store;

import java.time.Duration;
import java.util.List;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * The store cannot be reached (down, restarting, a replica set electing its primary): nothing is wrong with the
 * request or the message, it only has to come again later. Spring Data translates most of these into
 * {@link DataAccessResourceFailureException}; GridFS streams and direct driver calls throw the driver's own.
 */
public final class StoreOutage {

    /** How long a client is asked to wait (Retry-After) before it tries again. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    static final List<Class<? extends Throwable>> KINDS = List.of(
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            MongoSocketException.class, MongoTimeoutException.class, MongoServerUnavailableException.class,
            MongoNotPrimaryException.class, MongoNodeIsRecoveringException.class);

    private StoreOutage() {
    }

    /** True when the failure, or anything that caused it, says the store is out of reach. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Throwable current = cause;
            if (KINDS.stream().anyMatch(kind -> kind.isInstance(current))) {
                return true;
            }
        }
        return false;
    }
}
