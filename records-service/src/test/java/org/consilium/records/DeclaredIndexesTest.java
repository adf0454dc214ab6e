package org.consilium.records;

import org.consilium.records.upload.ResumableChunkIndexes;
import org.consilium.support.testing.DeclaredIndexes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes records-service's queries need (issue 17: a real MongoDB has only what is created; mongo-java-server scans
 * anyway, so no other test would notice one missing), as StoreIndexes creates them at start-up. A new query by
 * another field needs its index here and on its document.
 */
class DeclaredIndexesTest {

    @Test
    void everyQueryByAFieldOtherThanTheIdHasItsIndex() {
        List<String> expected = new ArrayList<>(List.of(
                "caseRecords {\"outbox.eventId\": 1} partial",
                "caseRecords {\"status\": 1}",
                "resumableUploads {\"expiresAt\": 1}",
                "resumableChunks {\"uploadId\": 1}",
                "uploadLinks {\"caseId\": 1, \"createdAt\": 1}",
                "intakeDocuments {\"documents.state\": 1}"));
        expected.addAll(DeclaredIndexes.SERVICE_SUPPORT);

        assertThat(DeclaredIndexes.of("org.consilium.records", ResumableChunkIndexes.chunksByUpload())).containsExactlyInAnyOrderElementsOf(expected);
    }
}
