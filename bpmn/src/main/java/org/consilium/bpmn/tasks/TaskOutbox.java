package org.consilium.bpmn.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.consilium.bpmn.passes.Wakeup;
import org.consilium.events.CaseMessage;
import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The task outbox table (db/migration) in the engine's database: written in the engine's transaction by
 * {@link TaskAnnouncer}, emptied by {@link TaskOutboxRelay} in {@code seq} order, so one case's task events reach
 * Kafka in the order the engine committed them. The envelope id is made once, here: a resend carries the same id.
 */
@Repository
class TaskOutbox {
    private final JdbcTemplate jdbc;
    /** Each row wakes the relay once the engine's transaction that wrote it has committed (issue 16). */
    private final Wakeup added = new Wakeup();

    TaskOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param traceparent the trace the step belongs to (ADR 19), or null */
    void add(CaseMessage event, Instant now, String traceparent) {
        jdbc.update("INSERT INTO consilium_task_outbox (envelope_id, case_id, message_type, event_time, payload, "
                        + "traceparent) VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), event.caseId(),
                MessageType.of(event).name(), now.atOffset(ZoneOffset.UTC),
                new String(Json.write(event), StandardCharsets.UTF_8), traceparent);
        added.afterCommit();
    }

    Wakeup added() {
        return added;
    }

    record Pending(long seq, Envelope envelope) {
    }

    List<Pending> oldest(int limit) {
        return jdbc.query("SELECT seq, envelope_id, message_type, event_time, payload, traceparent FROM consilium_task_outbox "
                + "ORDER BY seq LIMIT ?", (rs, i) -> {
                    MessageType type = MessageType.valueOf(rs.getString("message_type"));
                    CaseMessage payload = Json.read(rs.getString("payload").getBytes(StandardCharsets.UTF_8), type.payloadType());
                    Instant at = rs.getObject("event_time", OffsetDateTime.class).toInstant();
                    return new Pending(rs.getLong("seq"), Envelope.of(payload, rs.getString("envelope_id"),
                            org.consilium.bpmn.command.CommandPublisher.SOURCE, at).withTraceparent(rs.getString("traceparent")));
                }, limit);
    }

    void remove(long seq) {
        jdbc.update("DELETE FROM consilium_task_outbox WHERE seq = ?", seq);
    }
}
