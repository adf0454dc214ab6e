package org.consilium.records.link;

import org.consilium.records.RecordsProperties;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No link is ever signed with a key anyone could know: with security on, no secret, no start. */
class UploadLinkKeyTest {

    static RecordsProperties with(String secret, boolean randomSecret) {
        return new RecordsProperties(null, null, null, null, null, null, new RecordsProperties.UploadLinks(secret,
                randomSecret, URI.create("http://localhost:8090/upload"), Duration.ofDays(7), Duration.ofDays(30)));
    }

    @Test
    void securityOnWithoutASecretDoesNotStart() {
        assertThatThrownBy(() -> new UploadLinkKey().uploadLinkSigner(with(null, false), true))
                .hasMessageContaining("RECORDS_LINK_SECRET");
        assertThatThrownBy(() -> new UploadLinkKey().uploadLinkSigner(with(" ", false), true))
                .hasMessageContaining("RECORDS_LINK_SECRET");
        assertThatThrownBy(() -> new UploadLinkKey().uploadLinkSigner(with("too-short", false), true))
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void aDevelopmentRunMayAskForARandomKey() {
        assertThat(new UploadLinkKey().uploadLinkSigner(with(null, true), true)).isNotNull();
        assertThat(new UploadLinkKey().uploadLinkSigner(with(null, false), false)).isNotNull();
        assertThat(new UploadLinkKey().uploadLinkSigner(with("x".repeat(32), false), true)).isNotNull();
    }
}
