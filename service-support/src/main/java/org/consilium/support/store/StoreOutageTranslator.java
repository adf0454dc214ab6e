package org.consilium.support.store;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;

/**
 * Spring Data's translation, except that a store which failed inside itself ({@link StoreOutage#failedInside}) is
 * translated into {@link TransientDataAccessResourceException}, as an outage: an API answers 503 with Retry-After
 * (ProblemHandlers) and a consumer waits for the store (StoreOutageWait), where Spring Data's own translation of a
 * server error without a code made a 500 of a sound request (met in the fault suite: intake's store answered
 * "Unknown error: null" to a write under load).
 */
public class StoreOutageTranslator extends MongoExceptionTranslator {

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException failure) {
        if (StoreOutage.failedInside(failure)) {
            return new TransientDataAccessResourceException("the store failed inside itself, so the operation did "
                    + "not go through; it can be tried again: " + failure.getMessage(), failure);
        }
        return super.translateExceptionIfPossible(failure);
    }
}
