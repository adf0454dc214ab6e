package org.consilium.support;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractReactiveHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by {@code ping}, which every MongoDB-wire server answers. Boot's own indicator
 * sends {@code hello}, which the embedded mongo-java-server does not implement, so the whole
 * service reported DOWN on the embedded stack while storage worked.
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {
    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase().flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                .map(reply -> builder.up().withDetail("database", db.getName()).build()));
    }
}
