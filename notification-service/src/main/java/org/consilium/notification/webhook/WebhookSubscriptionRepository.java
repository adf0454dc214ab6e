package org.consilium.notification.webhook;

import org.springframework.data.mongodb.repository.ReactiveMongoRepository;

interface WebhookSubscriptionRepository extends ReactiveMongoRepository<WebhookSubscription, String> {
}
