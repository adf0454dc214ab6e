package org.consilium.notification.webhook;

import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** The subscription registry, and the recording of each event for each subscriber before it is posted. */
@Service
public class Webhooks {
    private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    Webhooks(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, ReactiveMongoTemplate mongo,
             Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<WebhookSubscription> register(RegisterWebhook request) {
        return Mono.fromCallable(() -> WebhookSubscription.register(request, clock.instant()))
                .flatMap(subscriptions::insert)
                .doOnNext(s -> log.info("webhook subscription {} registered for {}", s.id(), s.url()));
    }

    Flux<WebhookSubscription> subscriptions() {
        return subscriptions.findAll(Sort.by("createdAt"));
    }

    Mono<WebhookSubscription> subscription(String id) {
        return subscriptions.findById(id).switchIfEmpty(Mono.error(() -> DomainProblem.notFound("webhook subscription", id)));
    }

    /** Pending posts to it are CANCELLED by the job when it next picks them up. */
    Mono<Void> unsubscribe(String id) {
        return subscription(id).flatMap(subscriptions::delete)
                .doOnSuccess(done -> log.info("webhook subscription {} deleted", id));
    }

    /**
     * Records the event, PENDING, for every subscriber that wants its purpose. Idempotent: the ids derive
     * from command and subscription, so a redelivered command adds nothing.
     */
    public Mono<Void> enqueue(WebhookEvent event) {
        return subscriptions.findAll()
                .filter(s -> s.wants(event.purpose()))
                .concatMap(s -> deliveries.insert(WebhookDelivery.create(s.id(), s.url(), event, clock.instant()))
                        .onErrorResume(DuplicateKeyException.class, already -> Mono.empty()))
                .then();
    }

    /** Webhook deliveries by case, subscription and/or state (at least one), oldest first. */
    Flux<WebhookDelivery> deliveries(String caseId, String subscriptionId, WebhookState state) {
        if (caseId == null && subscriptionId == null && state == null) {
            return Flux.error(DomainProblem.badRequest("filter-required", "give caseId, subscriptionId, state or a combination"));
        }
        Criteria criteria = new Criteria();
        if (caseId != null) {
            criteria = criteria.and("caseId").is(caseId);
        }
        if (subscriptionId != null) {
            criteria = criteria.and("subscriptionId").is(subscriptionId);
        }
        if (state != null) {
            criteria = criteria.and("state").is(state.name());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")), WebhookDelivery.class);
    }
}
