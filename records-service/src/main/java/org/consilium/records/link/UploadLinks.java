package org.consilium.records.link;

import org.consilium.records.RecordsProperties;
import org.consilium.support.link.LinkSigner;
import org.consilium.support.problem.DomainProblem;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Makes, lists, revokes and checks a case's signed upload links. */
@Component
public class UploadLinks {
    /** What an upload link's token is for: no other kind of link opens an upload, nor this one anything else. */
    public static final String SCOPE = "upload";
    private final ReactiveMongoTemplate mongo;
    private final LinkSigner signer;
    private final RecordsProperties.UploadLinks properties;
    private final Clock clock;

    public UploadLinks(ReactiveMongoTemplate mongo, LinkSigner signer, RecordsProperties properties, Clock clock) {
        this.mongo = mongo;
        this.signer = signer;
        this.properties = properties.uploadLinks();
        this.clock = clock;
    }

    /** A new link; {@code expiresIn} null = the default life, over the maximum or not positive = 400. */
    public Mono<IssuedLink> create(String caseId, String label, Duration expiresIn, String createdBy) {
        Duration life = expiresIn == null ? properties.defaultExpiry() : expiresIn;
        if (life.isNegative() || life.isZero() || life.compareTo(properties.maxExpiry()) > 0) {
            return Mono.error(DomainProblem.badRequest("invalid-expires-in", "expiresIn " + expiresIn
                    + " must be positive and at most " + properties.maxExpiry().toDays() + " days"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expiresAt = now.plus(life).truncatedTo(ChronoUnit.SECONDS);
        UploadLink link = new UploadLink(UUID.randomUUID().toString(), caseId, label.trim(), createdBy, now, expiresAt,
                null, null);
        String token = signer.sign(link.id(), caseId, SCOPE, expiresAt);
        // the console's page for a person without an account: it shows the missing items and relays the uploads here
        String url = UriComponentsBuilder.fromUri(properties.pageUrl()).path("/{token}").buildAndExpand(token)
                .encode().toUriString();
        return mongo.insert(link).thenReturn(new IssuedLink(link.id(), url, token, expiresAt, link.label()));
    }

    public Flux<UploadLink> list(String caseId) {
        return mongo.find(Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("createdAt")), UploadLink.class);
    }

    /** The stored link (its label and expiry for the link's own page). */
    Mono<UploadLink> find(String linkId) {
        return mongo.findById(linkId, UploadLink.class);
    }

    /** Revoked from now on (revoking twice keeps the first revocation); 404 for no such link of the case. */
    public Mono<UploadLink> revoke(String caseId, String linkId, String by) {
        Query link = Query.query(Criteria.where("_id").is(linkId).and("caseId").is(caseId));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(linkId).and("caseId").is(caseId)
                                .and("revokedAt").is(null)),
                        new Update().set("revokedAt", clock.instant().truncatedTo(ChronoUnit.MILLIS)).set("revokedBy", by),
                        UploadLink.class)
                .then(mongo.findOne(link, UploadLink.class))
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("upload link", linkId + " of case " + caseId)));
    }

    /** The authentication of a link token: signed by us, in scope, not expired, stored and not revoked; 401 otherwise. */
    public Mono<Authentication> authenticate(String token) {
        LinkSigner.Claims claims = signer.verify(token, SCOPE).orElse(null);
        if (claims == null) {
            return Mono.error(new BadCredentialsException("the upload link is not one this service issued (altered or cut)"));
        }
        Instant now = clock.instant();
        if (now.isAfter(claims.expiresAt())) {
            return Mono.error(new BadCredentialsException("the upload link expired at " + claims.expiresAt()));
        }
        return mongo.findById(claims.linkId(), UploadLink.class)
                .filter(link -> link.caseId().equals(claims.caseId()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the upload link is unknown")))
                .flatMap(link -> link.state(now) == UploadLink.State.ACTIVE
                        ? Mono.just(new UploadLinkGrant(link.id(), link.caseId()).authentication(token, claims.expiresAt()))
                        : Mono.error(new BadCredentialsException("the upload link was " + link.state(now)
                        .name().toLowerCase(java.util.Locale.ROOT))));
    }

    /** A link as made: the token is shown this once. */
    public record IssuedLink(String id, String url, String token, Instant expiresAt, String label) {
    }
}
