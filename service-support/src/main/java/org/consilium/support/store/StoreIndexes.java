package org.consilium.support.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexResolver;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mapping.context.MappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.util.ClassUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every index a service's stored documents declare ({@code @Indexed}, {@code @CompoundIndex} on its {@code @Document}
 * classes and service-support's own, plus {@link CollectionIndex} beans), created once at start-up, before the
 * service reports ready (an {@link ApplicationRunner} runs before readiness). A real MongoDB needs them: without them
 * a lookup by case id or a relay's poll scans the collection, and a sort past 100 MB fails; mongo-java-server keeps
 * their definitions but uses none. Creating an index that exists is a no-op, so every start and every replica runs it.
 * One mechanism for all: Spring Data's own auto-index-creation knows only the classes it has met, and on the reactive
 * template creates them in the background, unawaited. A store unreachable at start does not stop the service (it
 * answers 503 until the store is back, docs/production-stores.md): the indexes are then retried in the background.
 */
public final class StoreIndexes implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    /** An index and the collection it belongs to. */
    public record Planned(String collection, IndexDefinition index) {

        /**
         * E.g. {@code cases {"idempotencyKey": 1} unique sparse}, {@code cases {"outbox.eventId": 1} partial}: what a
         * test or a reader compares.
         */
        public String describe() {
            org.bson.Document options = index.getIndexOptions();
            StringBuilder text = new StringBuilder(collection).append(' ').append(index.getIndexKeys().toJson());
            if (Boolean.TRUE.equals(options.get("unique"))) {
                text.append(" unique");
            }
            if (Boolean.TRUE.equals(options.get("sparse"))) {
                text.append(" sparse");
            }
            if (options.get("partialFilterExpression") != null) {
                text.append(" partial");
            }
            if (options.get("expireAfterSeconds") != null) {
                text.append(" expires after ").append(options.get("expireAfterSeconds")).append(" s");
            }
            return text.toString();
        }
    }

    private final ReactiveMongoTemplate mongo;
    private final List<Planned> planned;
    private final Duration timeout;
    private volatile Disposable retrying;

    public StoreIndexes(ReactiveMongoTemplate mongo, Collection<Class<?>> documents, Collection<CollectionIndex> others,
                        Duration timeout) {
        this.mongo = mongo;
        this.planned = plan(mongo.getConverter().getMappingContext(), documents, others);
        this.timeout = timeout;
    }

    /** The {@code @Document} classes under these packages, e.g. the application's own. */
    public static Set<Class<?>> documentsIn(Collection<String> packages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Document.class));
        Set<Class<?>> documents = new LinkedHashSet<>();
        for (String base : packages) {
            scanner.findCandidateComponents(base).forEach(candidate ->
                    documents.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), StoreIndexes.class.getClassLoader())));
        }
        return documents;
    }

    private static List<Planned> plan(MappingContext<? extends MongoPersistentEntity<?>, MongoPersistentProperty> context,
                                      Collection<Class<?>> documents,
                                      Collection<CollectionIndex> others) {
        IndexResolver resolver = IndexResolver.create(context);
        List<Planned> planned = new ArrayList<>();
        for (Class<?> document : documents) {
            String collection = context.getRequiredPersistentEntity(document).getCollection();
            resolver.resolveIndexFor(document).forEach(index -> planned.add(new Planned(collection, index)));
        }
        others.forEach(other -> planned.add(new Planned(other.collection(), other.index())));
        return List.copyOf(planned);
    }

    public List<Planned> planned() {
        return planned;
    }

    /** Creates them all; each one's name, in order. */
    public Mono<List<String>> create() {
        return Flux.fromIterable(planned)
                .concatMap(p -> mongo.indexOps(p.collection()).createIndex(p.index()))
                .collectList();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            List<String> names = create().block(timeout);
            log.info("store indexes in place: {}", names);
        } catch (RuntimeException e) {
            log.warn("store indexes not created yet, retrying in the background: {}", e.toString());
            retrying = create()
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                            .doBeforeRetry(s -> log.warn("store indexes still not created: {}", s.failure().toString())))
                    .subscribe(names -> log.info("store indexes in place: {}", names));
        }
    }

    @Override
    public void destroy() {
        Disposable pending = retrying;
        if (pending != null) {
            pending.dispose();
        }
    }
}
