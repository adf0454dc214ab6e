package org.consilium.notification.webhook;

import org.consilium.notification.delivery.DeliveryPurpose;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A system that wants every notification as a signed HTTP post. Immutable: to change the URL or rotate
 * the secret, register a new subscription and delete the old one. The secret is kept as given because
 * the HMAC needs it; it is never returned by the API.
 */
@Document("webhook_subscriptions")
public class WebhookSubscription {
    @Id
    private final String id;
    private final String url;
    private final String secret;
    private final String description;
    private final Set<DeliveryPurpose> purposes;
    private final Instant createdAt;

    @PersistenceCreator
    WebhookSubscription(String id, String url, String secret, String description, Set<DeliveryPurpose> purposes,
                        Instant createdAt) {
        this.id = id;
        this.url = url;
        this.secret = secret;
        this.description = description;
        this.purposes = purposes == null ? Set.of() : Set.copyOf(purposes);
        this.createdAt = createdAt;
    }

    static WebhookSubscription register(RegisterWebhook request, Instant now) {
        return new WebhookSubscription(UUID.randomUUID().toString(), checkedUrl(request.url()), request.secret(),
                request.description(), request.purposes(), now);
    }

    /** The pattern on {@link RegisterWebhook} catches most; this catches what only a real parse can. */
    private static String checkedUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new URISyntaxException(url, "not an http or https URL with a host and without credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw DomainProblem.badRequest("invalid-webhook-url", "url " + e.getMessage());
        }
    }

    boolean wants(DeliveryPurpose purpose) {
        return purposes.isEmpty() || purposes.contains(purpose);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    public String description() {
        return description;
    }

    public Set<DeliveryPurpose> purposes() {
        return purposes;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
