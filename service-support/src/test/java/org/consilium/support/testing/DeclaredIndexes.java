package org.consilium.support.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.consilium.support.ServiceSupportAutoConfiguration;
import org.consilium.support.store.CollectionIndex;
import org.consilium.support.store.StoreIndexes;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * The indexes a service's StoreIndexes would create, described ({@link StoreIndexes.Planned#describe()}), planned by
 * the auto-configuration's own {@link ServiceSupportAutoConfiguration#serviceIndexes}: the service's {@code @Document}
 * classes, service-support's two, the CollectionIndex beans given, the outbox poll's on each collection of the
 * service's application.yaml. No store is reached: only the mapping is read.
 */
public final class DeclaredIndexes {

    /** service-support's own, in every service: the audit trail by case, the parked messages of a case in order. */
    public static final List<String> SERVICE_SUPPORT = List.of(
            "auditEvents {\"caseId\": 1, \"recorded\": -1}",
            "parkedMessages {\"binding\": 1, \"caseId\": 1, \"parkedAt\": 1}",
            "parkedMessages {\"caseId\": 1, \"parkedAt\": 1}");

    private DeclaredIndexes() {
    }

    /** The service's {@code consilium.outbox.collections}, from its own application.yaml (on the test class path). */
    static List<String> outboxCollections() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application",
                    new ClassPathResource("application.yaml"));
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind("consilium.outbox.collections", Bindable.listOf(String.class)).orElse(List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> of(String applicationPackage, CollectionIndex... others) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:9/unused")) {
            StoreIndexes indexes = ServiceSupportAutoConfiguration.serviceIndexes(
                    new ReactiveMongoTemplate(client, "unused"), List.of(applicationPackage), List.of(others),
                    outboxCollections(), Duration.ofSeconds(1));
            return indexes.planned().stream().map(StoreIndexes.Planned::describe).toList();
        }
    }
}
