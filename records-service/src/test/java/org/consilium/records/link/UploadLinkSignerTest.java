package org.consilium.records.link;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLinkSignerTest {
    static final Instant EXPIRES = Instant.parse("2026-12-01T00:00:00Z");
    final UploadLinkSigner signer = new UploadLinkSigner("a-test-key-of-at-least-32-bytes-0123".getBytes(StandardCharsets.UTF_8));

    @Test
    void aTokenNamesItsLinkCaseScopeAndExpiry() {
        assertThat(signer.verify(signer.sign("link-1", "case-1", EXPIRES)))
                .contains(new UploadLinkSigner.Claims("link-1", "case-1", "upload", EXPIRES));
    }

    @Test
    void anAlteredTruncatedOrForeignTokenSaysNothing() {
        String token = signer.sign("link-1", "case-1", EXPIRES);
        String otherPayload = signer.sign("link-1", "case-2", EXPIRES).split("\\.")[0];
        assertThat(signer.verify(otherPayload + "." + token.split("\\.")[1])).isEmpty();
        assertThat(signer.verify(token.substring(0, token.length() - 3))).isEmpty();
        assertThat(signer.verify(token + ".x")).isEmpty();
        assertThat(signer.verify("%%%.%%%")).isEmpty();
        assertThat(new UploadLinkSigner("another-key-of-at-least-32-bytes-999".getBytes(StandardCharsets.UTF_8))
                .verify(token)).isEmpty();
    }
}
