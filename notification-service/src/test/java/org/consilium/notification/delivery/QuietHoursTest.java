package org.consilium.notification.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {
    static final QuietHours NIGHTS = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0), "",
            Set.of(DeliveryPurpose.CASE_DECLINED), Duration.ofSeconds(30), Duration.ofMinutes(5), 5);

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
            // Jakarta is UTC+7
            "2026-12-08T13:59:00Z, Asia/Jakarta, ''",                       // 20:59 local: not quiet yet
            "2026-12-08T14:00:00Z, Asia/Jakarta, 2026-12-09T01:00:00Z",     // 21:00 local: until 08:00 tomorrow
            "2026-12-08T16:30:00Z, Asia/Jakarta, 2026-12-09T01:00:00Z",     // 23:30 local
            "2026-12-08T18:00:00Z, Asia/Jakarta, 2026-12-09T01:00:00Z",     // 01:00 local, after midnight
            "2026-12-09T00:59:59Z, Asia/Jakarta, 2026-12-09T01:00:00Z",     // 07:59:59 local
            "2026-12-09T01:00:00Z, Asia/Jakarta, ''",                       // 08:00 local: over
            // New York, the night the clocks go back (2026-11-01): 08:00 EST is 13:00Z
            "2026-11-01T04:30:00Z, America/New_York, 2026-11-01T13:00:00Z",
            // the night they go forward (2026-03-08): 08:00 EDT is 12:00Z
            "2026-03-08T06:00:00Z, America/New_York, 2026-03-08T12:00:00Z"})
    void defersToTheEndOfTheQuietHoursInTheRecipientsZone(String now, String zone, String expected) {
        Optional<Instant> notBefore = NIGHTS.notBefore(DeliveryPurpose.RECORDS_REMINDER, Map.of("timeZone", zone),
                Instant.parse(now));
        assertThat(notBefore).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(expected)));
        notBefore.ifPresent(until -> assertThat(Duration.between(Instant.parse(now), until)).isLessThanOrEqualTo(Duration.ofHours(12)));
    }

    @Test
    void aWindowWithinOneDayWorksToo() {
        QuietHours lunch = new QuietHours(true, LocalTime.of(12, 0), LocalTime.of(13, 0), "", null,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        assertThat(lunch.notBefore(DeliveryPurpose.REPORT, Map.of("timeZone", "UTC"), Instant.parse("2026-12-08T12:10:00Z")))
                .contains(Instant.parse("2026-12-08T13:00:00Z"));
        assertThat(lunch.notBefore(DeliveryPurpose.REPORT, Map.of("timeZone", "UTC"), Instant.parse("2026-12-08T13:10:00Z")))
                .isEmpty();
    }

    @Test
    void urgentExemptUnknownZoneAndDisabledAreSentAtOnce() {
        Instant night = Instant.parse("2026-12-08T16:30:00Z");
        assertThat(NIGHTS.notBefore(DeliveryPurpose.RECORDS_REMINDER, Map.of("timeZone", "Asia/Jakarta", "urgent", "true"), night)).isEmpty();
        assertThat(NIGHTS.notBefore(DeliveryPurpose.RECORDS_REMINDER, Map.of("timeZone", "Asia/Jakarta", "urgency", "urgent"), night)).isEmpty();
        assertThat(NIGHTS.notBefore(DeliveryPurpose.CASE_DECLINED, Map.of("timeZone", "Asia/Jakarta"), night)).isEmpty();
        assertThat(NIGHTS.notBefore(DeliveryPurpose.REPORT, Map.of(), night)).isEmpty();
        assertThat(NIGHTS.notBefore(DeliveryPurpose.REPORT, Map.of("timeZone", "Mars/Olympus"), night)).isEmpty();
        QuietHours off = new QuietHours(false, LocalTime.of(21, 0), LocalTime.of(8, 0), "Asia/Jakarta", null,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        assertThat(off.notBefore(DeliveryPurpose.REPORT, Map.of(), night)).isEmpty();
    }

    @Test
    void theDefaultZoneAppliesWhenTheCommandNamesNone() {
        QuietHours withDefault = new QuietHours(true, LocalTime.of(21, 0), LocalTime.of(8, 0), "Asia/Jakarta", null,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 5);
        assertThat(withDefault.notBefore(DeliveryPurpose.REPORT, Map.of(), Instant.parse("2026-12-08T16:30:00Z")))
                .contains(Instant.parse("2026-12-09T01:00:00Z"));
    }
}
