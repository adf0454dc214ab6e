package org.consilium.support.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The store settings the services apply before the connection string, which may override each of them. */
class StoreClientSettingsTest {

    @Test
    void productionWritesWaitForAMajoritysJournalAndReadsSeeOnlyWhatAMajorityHas() {
        MongoClientSettings settings = settings("mongodb://mongo:27017/consilium-intake", new DurableStoreWrites());

        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(settings.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
    }

    @Test
    void whatTheConnectionStringSaysWins() {
        MongoClientSettings settings = settings("mongodb://mongo:27017/x?w=2&journal=true&serverSelectionTimeoutMS=9000",
                new DurableStoreWrites(), new FailFastStoreSelection(Duration.ofSeconds(5)));

        assertThat(settings.getWriteConcern()).isEqualTo(new WriteConcern(2).withJournal(true));
        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(9000);
    }

    @Test
    void withoutOneTheStoreIsGivenUpOnAfterFiveSecondsNotThirty() {
        MongoClientSettings settings = settings("mongodb://mongo:27017/x", new FailFastStoreSelection(Duration.ofSeconds(5)));

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
    }

    /** As Boot builds the client: the customizers in order, ours first, then the connection string. */
    private static MongoClientSettings settings(String uri, MongoClientSettingsBuilderCustomizer... ours) {
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        for (MongoClientSettingsBuilderCustomizer customizer : ours) {
            customizer.customize(builder);
        }
        builder.applyConnectionString(new ConnectionString(uri));
        return builder.build();
    }
}
