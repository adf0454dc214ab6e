package org.consilium.support.link;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkSignerTest {
    static final Instant EXPIRES = Instant.parse("2026-12-01T00:00:00Z");
    final LinkSigner signer = new LinkSigner("a-test-key-of-at-least-32-bytes-0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenNamesItsLinkCaseScopeAndExpiry() {
        assertThat(signer.verify(signer.sign("link-1", "case-1", "upload", EXPIRES)))
                .contains(new LinkSigner.Claims("link-1", "case-1", "upload", EXPIRES));
    }

    @Test
    void aLinkOfOneKindDoesNotPassForAnother() {
        String upload = signer.sign("link-1", "case-1", "upload", EXPIRES);
        assertThat(signer.verify(upload, "upload")).isPresent();
        assertThat(signer.verify(upload, "guest-review")).isEmpty();
    }

    @Test
    void anAlteredTruncatedOrForeignTokenSaysNothing() {
        String token = signer.sign("link-1", "case-1", "upload", EXPIRES);
        String otherPayload = signer.sign("link-1", "case-2", "upload", EXPIRES).split("\\.")[0];
        assertThat(signer.verify(otherPayload + "." + token.split("\\.")[1])).isEmpty();
        assertThat(signer.verify(token.substring(0, token.length() - 3))).isEmpty();
        assertThat(signer.verify(token + ".x")).isEmpty();
        assertThat(signer.verify("%%%.%%%")).isEmpty();
        assertThat(new LinkSigner("another-key-of-at-least-32-bytes-999".getBytes(StandardCharsets.UTF_8))
                .verify(token)).isEmpty();
    }

    @Test
    void withSecurityOnNoKeyAnyoneCouldKnow() {
        assertThatThrownBy(() -> LinkSigner.fromSecret(null, false, true, "X_SECRET", "X_RANDOM"))
                .hasMessageContaining("X_SECRET is required").hasMessageContaining("X_RANDOM=true");
        assertThatThrownBy(() -> LinkSigner.fromSecret("short", false, true, "X_SECRET", "X_RANDOM"))
                .hasMessageContaining("at least 32 bytes");
        assertThat(LinkSigner.fromSecret(null, true, true, "X_SECRET", "X_RANDOM")).isNotNull();
        assertThat(LinkSigner.fromSecret(null, false, false, "X_SECRET", "X_RANDOM")).isNotNull();
    }
}
