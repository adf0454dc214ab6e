package org.consilium.bpmn.inbox;

import org.consilium.events.Envelope;
import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inbox table (db/migration) in the engine's database. The envelope id is the primary key, so a
 * redelivered event is stored once; {@code seq} keeps the arrival order.
 */
@Repository
public class InboxStore {
    private static final String COLUMNS = "envelope_id, seq, case_id, message_type, source, event_time, traceparent, "
            + "payload, received_at, status, attempts, failures, next_attempt_at, expires_at, finished_at, last_error";
    private static final int MAX_ERROR = 2000;

    private final JdbcTemplate jdbc;
    private final RowMapper<InboxEntry> rows = (rs, i) -> new InboxEntry(rs.getString("envelope_id"),
            rs.getLong("seq"), rs.getString("case_id"), MessageType.valueOf(rs.getString("message_type")),
            rs.getString("source"), instant(rs.getObject("event_time", OffsetDateTime.class)),
            rs.getString("traceparent"), rs.getString("payload"),
            instant(rs.getObject("received_at", OffsetDateTime.class)), InboxStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), rs.getInt("failures"), instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)),
            instant(rs.getObject("finished_at", OffsetDateTime.class)), rs.getString("last_error"));

    public InboxStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the event as PENDING; false if an event with this id was stored before. */
    public boolean add(Envelope envelope, Instant now, Instant expiresAt) {
        try {
            jdbc.update("INSERT INTO consilium_inbox (envelope_id, case_id, message_type, source, event_time, "
                            + "traceparent, payload, received_at, status, attempts, failures, next_attempt_at, expires_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?)",
                    envelope.id(), envelope.caseId(), envelope.type().name(), envelope.source(), at(envelope.time()),
                    envelope.traceparent(), new String(Json.write(envelope.payload()), StandardCharsets.UTF_8),
                    at(now), at(now), at(expiresAt));
            return true;
        } catch (DuplicateKeyException duplicate) {
            return false;
        }
    }

    /**
     * Pending rows due for an attempt, in arrival order. A row waits while an earlier row of its case
     * is still pending (per-case order). Two types never wait behind others: CaseSubmitted (nothing of
     * a case can apply before its start, so waiting would deadlock an event that came first) and
     * CaseWithdrawn (it ends the case whatever else is pending; what is left is then discarded).
     */
    public List<InboxEntry> due(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consilium_inbox i WHERE i.status = 'PENDING' "
                + "AND i.next_attempt_at <= ? AND (i.message_type IN (?, ?) OR NOT EXISTS (SELECT 1 FROM consilium_inbox e "
                + "WHERE e.case_id = i.case_id AND e.status = 'PENDING' AND e.seq < i.seq)) ORDER BY i.seq LIMIT ?",
                rows, at(now), MessageType.CASE_SUBMITTED.name(), MessageType.CASE_WITHDRAWN.name(), limit);
    }

    /**
     * Marks a pending row applied; run in the correlation's transaction, whose row lock keeps it from every other
     * node until it commits or rolls back. A row another node holds is skipped at once rather than waited for
     * ({@code SKIP LOCKED}, PostgreSQL and H2 alike): two nodes correlate different rows side by side, and a row
     * whose correlation rolls back is due again at the next pass. The case's order holds across nodes: a later row
     * of the case is not due while an earlier one is pending ({@link #due}).
     */
    public boolean claim(String envelopeId, Instant now) {
        List<String> free = jdbc.queryForList("SELECT envelope_id FROM consilium_inbox WHERE envelope_id = ? "
                + "AND status = 'PENDING' FOR UPDATE SKIP LOCKED", String.class, envelopeId);
        if (free.isEmpty()) {
            return false;
        }
        return jdbc.update("UPDATE consilium_inbox SET status = 'APPLIED', attempts = attempts + 1, finished_at = ?, "
                + "last_error = NULL WHERE envelope_id = ? AND status = 'PENDING'", at(now), envelopeId) == 1;
    }

    public void retryLater(String envelopeId, Instant nextAttempt, String error, boolean failure) {
        jdbc.update("UPDATE consilium_inbox SET attempts = attempts + 1, failures = failures + ?, next_attempt_at = ?, "
                + "last_error = ? WHERE envelope_id = ? AND status = 'PENDING'", failure ? 1 : 0, at(nextAttempt),
                truncate(error), envelopeId);
    }

    public void finish(String envelopeId, InboxStatus status, Instant now, String reason) {
        jdbc.update("UPDATE consilium_inbox SET status = ?, finished_at = ?, last_error = ? WHERE envelope_id = ?",
                status.name(), at(now), truncate(reason), envelopeId);
    }

    /** Marks every pending row past its expiry EXPIRED; returns them (as they were, pending). */
    public List<InboxEntry> expire(Instant now) {
        List<InboxEntry> due = jdbc.query("SELECT " + COLUMNS + " FROM consilium_inbox WHERE status = 'PENDING' "
                + "AND expires_at < ? ORDER BY seq", rows, at(now));
        return due.stream().filter(entry -> jdbc.update("UPDATE consilium_inbox SET status = 'EXPIRED', "
                + "finished_at = ? WHERE envelope_id = ? AND status = 'PENDING'", at(now), entry.envelopeId()) == 1)
                .toList();
    }

    /** Puts an expired or dead row back to pending (ops replay); it keeps its place in the case's order. */
    public boolean replay(String envelopeId, Instant now, Instant expiresAt) {
        return jdbc.update("UPDATE consilium_inbox SET status = 'PENDING', failures = 0, next_attempt_at = ?, "
                + "expires_at = ?, finished_at = NULL WHERE envelope_id = ? AND status IN ('EXPIRED', 'DEAD')",
                at(now), at(expiresAt), envelopeId) == 1;
    }

    public int purgeFinished(Instant before) {
        return jdbc.update("DELETE FROM consilium_inbox WHERE status IN ('APPLIED', 'DISCARDED') AND finished_at < ?",
                at(before));
    }

    public Optional<InboxEntry> find(String envelopeId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consilium_inbox WHERE envelope_id = ?", rows, envelopeId)
                .stream().findFirst();
    }

    public List<InboxEntry> list(InboxStatus status, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consilium_inbox WHERE status = ? ORDER BY seq LIMIT ?", rows,
                status.name(), limit);
    }

    public List<InboxEntry> ofCase(String caseId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM consilium_inbox WHERE case_id = ? ORDER BY seq", rows, caseId);
    }

    /** Counts of the rows that need attention (pending, expired, dead). */
    public Map<InboxStatus, Long> unfinishedCounts() {
        Map<InboxStatus, Long> counts = new EnumMap<>(InboxStatus.class);
        for (InboxStatus status : List.of(InboxStatus.PENDING, InboxStatus.EXPIRED, InboxStatus.DEAD)) {
            counts.put(status, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) AS n FROM consilium_inbox WHERE status IN ('PENDING', 'EXPIRED', 'DEAD') "
                + "GROUP BY status", rs -> {
            counts.put(InboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
        });
        return counts;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
