package org.consilium.support.store;

import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * On a real MongoDB (profile {@code production}): a write is acknowledged only once a majority of the replica
 * set has it in its journal, and reads see only what a majority has, so nothing a service answered 2xx for,
 * or published, can be rolled back by a failover (issue 12; the embedded store commits its file before each
 * answer instead). Ordered before Boot's connection-string customizer: {@code w}, {@code journal} or
 * {@code readConcernLevel} in {@code MONGODB_URI} still win.
 */
public record DurableStoreWrites() implements MongoClientSettingsBuilderCustomizer, Ordered {

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
        settings.readConcern(ReadConcern.MAJORITY);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
