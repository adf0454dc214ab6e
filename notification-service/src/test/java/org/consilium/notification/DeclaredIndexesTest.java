package org.consilium.notification;

import org.consilium.support.testing.DeclaredIndexes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes notification-service's queries need (issue 17: a real MongoDB has only what is created; mongo-java-server scans
 * anyway, so no other test would notice one missing), as StoreIndexes creates them at start-up. A new query by
 * another field needs its index here and on its document.
 */
class DeclaredIndexesTest {

    @Test
    void everyQueryByAFieldOtherThanTheIdHasItsIndex() {
        List<String> expected = new ArrayList<>(List.of(
                "deliveries {\"outbox.eventId\": 1} partial",
                "deliveries {\"caseId\": 1}",
                "deliveries {\"messageId\": 1}",
                "deliveries {\"caseId\": 1, \"claimedAt\": 1}",
                "deliveries {\"state\": 1, \"claimedAt\": 1}",
                "deliveries {\"state\": 1, \"notBefore\": 1}",
                "deliveries {\"state\": 1, \"lastAttemptAt\": 1}",
                "deliveries {\"inboxed\": 1, \"state\": 1}",
                "webhook_deliveries {\"subscriptionId\": 1}",
                "webhook_deliveries {\"caseId\": 1}",
                "webhook_deliveries {\"state\": 1}",
                "webhook_deliveries {\"state\": 1, \"nextAttemptAt\": 1}",
                "webhook_deliveries {\"state\": 1, \"lastAttemptAt\": 1}",
                "releasedReports {\"caseId\": 1, \"version\": -1}",
                "inbox {\"user\": 1, \"deliveredAt\": -1}"));
        expected.addAll(DeclaredIndexes.SERVICE_SUPPORT);

        assertThat(DeclaredIndexes.of("org.consilium.notification")).containsExactlyInAnyOrderElementsOf(expected);
    }
}
