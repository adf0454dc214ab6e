package org.consilium.intake;

import org.consilium.intake.attachment.AttachmentIndexes;
import org.consilium.support.testing.DeclaredIndexes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes intake-service's queries need (issue 17: a real MongoDB has only what is created; mongo-java-server scans
 * anyway, so no other test would notice one missing), as StoreIndexes creates them at start-up. A new query by
 * another field needs its index here and on its document.
 */
class DeclaredIndexesTest {

    @Test
    void everyQueryByAFieldOtherThanTheIdHasItsIndex() {
        List<String> expected = new ArrayList<>(List.of(
                "cases {\"outbox.eventId\": 1} partial",
                "cases {\"idempotencyKey\": 1} unique sparse",
                "cases {\"stage\": 1, \"submittedAt\": 1}",
                "cases {\"submittedAt\": -1}",
                "drafts {\"expiresAt\": 1} expires after 0 s",
                "fs.files {\"metadata.caseId\": 1}"));
        expected.addAll(DeclaredIndexes.SERVICE_SUPPORT);

        assertThat(DeclaredIndexes.of("org.consilium.intake", AttachmentIndexes.attachmentsByCase())).containsExactlyInAnyOrderElementsOf(expected);
    }
}
