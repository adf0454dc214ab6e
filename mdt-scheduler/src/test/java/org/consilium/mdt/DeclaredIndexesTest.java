package org.consilium.mdt;

import org.consilium.support.testing.DeclaredIndexes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes mdt-scheduler's queries need (issue 17: a real MongoDB has only what is created; mongo-java-server scans
 * anyway, so no other test would notice one missing), as StoreIndexes creates them at start-up. A new query by
 * another field needs its index here and on its document.
 */
class DeclaredIndexesTest {

    @Test
    void everyQueryByAFieldOtherThanTheIdHasItsIndex() {
        List<String> expected = new ArrayList<>(List.of(
                "reviews {\"outbox.eventId\": 1} partial",
                "panelGaps {\"outbox.eventId\": 1} partial",
                "reviews {\"status\": 1}",
                "reviews {\"session.startsAt\": 1}",
                "reviews {\"panel.specialistId\": 1}",
                "sessions {\"caseIds\": 1}",
                "sessions {\"kind\": 1, \"startsAt\": 1}",
                "specialists {\"discipline\": 1}"));
        expected.addAll(DeclaredIndexes.SERVICE_SUPPORT);

        assertThat(DeclaredIndexes.of("org.consilium.mdt")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
