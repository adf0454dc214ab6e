package org.consilium.support.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * How long a store operation waits for a reachable server before it fails: the driver's default, 30 s, held an
 * API request (and a consumer) that long before it learned the store was down, and outlasted the consumers'
 * 30 s handler timeout, whose failure does not say "store". Ordered before Boot's customizer that applies the
 * connection string, so a {@code serverSelectionTimeoutMS} in {@code MONGODB_URI} still wins.
 */
public record FailFastStoreSelection(Duration timeout) implements MongoClientSettingsBuilderCustomizer, Ordered {

    @Override
    public void customize(MongoClientSettings.Builder settings) {
        settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
