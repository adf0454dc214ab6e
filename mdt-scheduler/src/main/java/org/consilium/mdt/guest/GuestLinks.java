package org.consilium.mdt.guest;

import org.consilium.support.link.LinkSigner;
import org.consilium.support.problem.DomainProblem;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Makes and checks guest links, with the signer records' upload links use ({@link LinkSigner}, this service's own
 * key, scope {@value #SCOPE}). A token is valid when signed with the key, of this scope, not expired, and its link
 * is the current, unrevoked link of a guest seated on the panel of the case it names ({@link GuestLinkHolders}).
 */
@Component
public class GuestLinks {
    public static final String SCOPE = "guest-review";
    public static final String HEADER = "Guest-Link";
    public static final String PARAMETER = "link";
    private final LinkSigner signer;
    private final GuestLinkProperties properties;
    private final GuestLinkHolders holders;
    private final Clock clock;

    GuestLinks(LinkSigner signer, GuestLinkProperties properties, GuestLinkHolders holders, Clock clock) {
        this.signer = signer;
        this.properties = properties;
        this.holders = holders;
        this.clock = clock;
    }

    /** A new link's record; {@code expiresIn} null = the default life; not positive or over the maximum = 400. */
    public GuestLink issue(Duration expiresIn) {
        Duration life = expiresIn == null ? properties.defaultExpiry() : expiresIn;
        if (life.isNegative() || life.isZero() || life.compareTo(properties.maxExpiry()) > 0) {
            throw DomainProblem.badRequest("invalid-expires-in", "expiresIn " + expiresIn + " must be positive and at "
                    + "most " + properties.maxExpiry().toDays() + " days");
        }
        return new GuestLink(UUID.randomUUID().toString(), clock.instant().plus(life).truncatedTo(ChronoUnit.SECONDS),
                null, null);
    }

    /** The address the guest opens: the case's brief here, with the signed token; made when mailed, never stored. */
    public String url(String caseId, GuestLink link) {
        return UriComponentsBuilder.fromUri(properties.publicUrl()).path("/reviews/{caseId}/guest")
                .queryParam(PARAMETER, signer.sign(link.id(), caseId, SCOPE, link.expiresAt()))
                .buildAndExpand(caseId).encode().toUriString();
    }

    /** The authentication of a link token; 401 (BadCredentials) for anything not valid now. */
    public Mono<Authentication> authenticate(String token) {
        LinkSigner.Claims claims = signer.verify(token, SCOPE).orElse(null);
        if (claims == null) {
            return Mono.error(new BadCredentialsException("the guest link is not one this service issued (altered or cut)"));
        }
        Instant now = clock.instant();
        if (now.isAfter(claims.expiresAt())) {
            return Mono.error(new BadCredentialsException("the guest link expired at " + claims.expiresAt()));
        }
        return holders.holder(claims.caseId(), claims.linkId())
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the guest link is unknown, replaced, or "
                        + "its guest no longer sits on the panel")))
                .flatMap(guest -> guest.link().state(now) == GuestLink.State.ACTIVE
                        ? Mono.just(new GuestLinkGrant(guest.id(), claims.caseId(), claims.linkId())
                        .authentication(token, claims.expiresAt()))
                        : Mono.error(new BadCredentialsException("the guest link was "
                        + guest.link().state(now).name().toLowerCase(Locale.ROOT))));
    }
}
