package org.consilium.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.consilium.support.audit.AuditController;
import org.consilium.support.crypto.FieldCipher;
import org.consilium.support.audit.AuditTrail;
import org.consilium.support.input.PlainTextParameters;
import org.consilium.support.metrics.KafkaClientMeters;
import org.consilium.support.logging.CaseInLogs;
import org.consilium.support.input.StrictJsonCodecs;
import org.consilium.support.outbox.OutboxProperties;
import org.consilium.support.outbox.OutboxPush;
import org.consilium.support.outbox.OutboxRelay;
import org.consilium.support.parking.ParkedMessage;
import org.consilium.support.parking.ParkedMessages;
import org.consilium.support.parking.ParkingBindings;
import org.consilium.support.crypto.SealedConverters;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.consilium.support.problem.ProblemHandlers;
import org.consilium.support.security.ServiceSecurity;
import org.consilium.support.store.DurableStoreWrites;
import org.consilium.support.store.FailFastStoreSelection;
import org.consilium.support.store.StoreOutageTranslation;
import org.consilium.support.store.CollectionIndex;
import org.consilium.support.store.StoreIndexes;
import org.consilium.support.audit.AuditRecord;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.consilium.support.web.OneRequestPerConnection;
import org.consilium.support.web.DeclaredBodyLimit;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.PropertySource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every domain service gets by depending on this module: the outbox relay, a byte-valued
 * Kafka producer for CloudEvents records, problem-details error handling and shared defaults
 * (retries then dead-letter topic on every binding, probes, metrics), the bearer-token security and
 * the audit trail with its per-case query, and input checked at the door: strict JSON bodies, and no
 * control or bidirectional characters in any text of a body, a query or a path (docs/service-conventions.md).
 */
@AutoConfiguration
@EnableScheduling
@EnableConfigurationProperties(OutboxProperties.class)
@PropertySource("classpath:consilium-service-defaults.properties")
@Import({ProblemHandlers.class, ServiceSecurity.class, AuditController.class})
public class ServiceSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The Kafka clients' socket and authentication meters stay out of the service's metrics (KafkaClientMeters). */
    @Bean
    MeterFilter kafkaClientMeters() {
        return KafkaClientMeters.withoutSocketDetail();
    }

    /** The case a request is about, in its log lines' MDC (structured logs: issue 15). */
    @Bean
    CaseInLogs caseInLogs() {
        return new CaseInLogs();
    }

    @Bean
    StrictJsonCodecs strictJsonCodecs(ObjectMapper mapper) {
        return new StrictJsonCodecs(mapper);
    }

    @Bean
    PlainTextParameters plainTextParameters(ObjectMapper mapper) {
        return new PlainTextParameters(mapper);
    }

    /** Until the Reactor Netty in use has the keep-alive fix (ADR 11). */
    @Bean
    @ConditionalOnProperty(name = "consilium.http.keep-alive", havingValue = "false", matchIfMissing = true)
    OneRequestPerConnection oneRequestPerConnection() {
        return new OneRequestPerConnection();
    }

    /** The codec's own limit, declared-length first: a refusal the client can still read (DeclaredBodyLimit). */
    @Bean
    DeclaredBodyLimit declaredBodyLimit(@Value("${spring.codec.max-in-memory-size:256KB}") DataSize max) {
        return new DeclaredBodyLimit(max);
    }

    @Bean
    AuditTrail auditTrail(ReactiveMongoTemplate mongo, Clock clock,
                          @Value("${spring.application.name:consilium}") String service) {
        return new AuditTrail(mongo, clock, service);
    }

    /** Named so that it replaces Boot's {@code hello}-based indicator (see the class comment). */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    FailFastStoreSelection failFastStoreSelection(
            @Value("${consilium.store.server-selection-timeout:5s}") Duration timeout) {
        return new FailFastStoreSelection(timeout);
    }

    /** Static: a post-processor, made before the templates it adjusts. */
    @Bean
    static StoreOutageTranslation storeOutageTranslation() {
        return new StoreOutageTranslation();
    }

    /**
     * The indexes of the service's documents (its own packages' and service-support's audit trail and parked
     * messages), its {@link CollectionIndex} beans and the outbox relay's poll's on each relayed collection, created at
     * start-up (issue 17, docs/production-stores.md).
     */
    @Bean
    StoreIndexes storeIndexes(ReactiveMongoTemplate mongo, BeanFactory beans, ObjectProvider<CollectionIndex> others,
                              OutboxProperties outbox,
                              @Value("${consilium.store.index-timeout:60s}") Duration timeout) {
        return serviceIndexes(mongo, AutoConfigurationPackages.has(beans) ? AutoConfigurationPackages.get(beans)
                : List.of(), others.orderedStream().toList(), outbox.collections(), timeout);
    }

    /**
     * What {@link #storeIndexes} plans for a service whose documents are under {@code packages}: also what each
     * service's DeclaredIndexesTest lists, so that the test reads the same plan the service creates.
     */
    public static StoreIndexes serviceIndexes(ReactiveMongoTemplate mongo, List<String> packages,
                                              List<CollectionIndex> others, List<String> outboxCollections,
                                              Duration timeout) {
        Set<Class<?>> documents = new LinkedHashSet<>(StoreIndexes.documentsIn(packages));
        documents.add(AuditRecord.class);
        documents.add(ParkedMessage.class);
        List<CollectionIndex> collectionIndexes = new ArrayList<>(others);
        outboxCollections.forEach(collection -> collectionIndexes.add(OutboxRelay.pendingIndex(collection)));
        return new StoreIndexes(mongo, documents, collectionIndexes, timeout);
    }

    /** Real MongoDB only: the embedded store is one process and commits before it answers (docs/production-stores.md). */
    @Bean
    @Profile("production")
    DurableStoreWrites durableStoreWrites() {
        return new DurableStoreWrites();
    }

    @Bean
    KafkaTemplate<String, byte[]> cloudEventsKafkaTemplate(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties(null);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                            OutboxProperties properties, MeterRegistry meters, FieldCipher cipher, Clock clock) {
        return new OutboxRelay(mongo, kafka, properties, meters, cipher, clock);
    }

    /** An aggregate's events leave right after its save, the poll stays as the safety net (issue 16). */
    @Bean
    static OutboxPush outboxPush(ObjectProvider<OutboxRelay> relay) {
        return new OutboxPush(relay);
    }

    /** Messages that overtook the event they need wait in the store, not on the binding's thread (ADR 24). */
    @Bean
    ParkedMessages parkedMessages(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka,
                                  ObjectProvider<BindingServiceProperties> bindings,
                                  @Value("${consilium.parking.deadline:15m}") Duration deadline,
                                  MeterRegistry meters, Clock clock) {
        return new ParkedMessages(mongo, kafka, new ParkingBindings(bindings), deadline, meters, clock);
    }

    /** A parked message's payload may name people: sealed at rest like the outbox. */
    @Bean
    SealedConverters parkedPayloads() {
        return SealedConverters.properties(ParkedMessage.class, "payload");
    }
}
