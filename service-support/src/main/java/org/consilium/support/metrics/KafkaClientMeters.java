package org.consilium.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

import java.util.regex.Pattern;

/**
 * Which of the Kafka clients' own metrics a service publishes. The binder registers ~90 meters for every consumer and
 * producer it makes; notification-service reads its commands with twelve consumers (ADR 34), which took its
 * {@code /actuator/prometheus} from ~130 KB to ~370 KB, mostly the clients' socket and authentication bookkeeping.
 * Those are the broker's and the network's concern (the brokers publish them too); what tells whether a service keeps
 * up stays: lag, records consumed, fetches, polls, commits, rebalances, connections open, and the producers' sends.
 */
public final class KafkaClientMeters {
    /** The selector's and the authenticator's meters: a client's bytes, requests, I/O waits and logins. */
    private static final Pattern SOCKET_DETAIL = Pattern.compile("^kafka\\.(consumer|producer|admin\\.client)\\."
            + "(.*authentication.*|select\\..*|io\\..*|iotime\\..*|network\\.io\\..*|incoming\\.byte\\..*"
            + "|outgoing\\.byte\\..*|request\\.(total|rate|size\\..*)|response\\.(total|rate)"
            + "|connection\\.(close|creation)\\..*)$");

    private KafkaClientMeters() {
    }

    /** Denies the Kafka clients' socket and authentication meters; every other meter passes. */
    public static MeterFilter withoutSocketDetail() {
        return MeterFilter.deny(KafkaClientMeters::socketDetail);
    }

    static boolean socketDetail(Meter.Id id) {
        return SOCKET_DETAIL.matcher(id.getName()).matches();
    }
}
