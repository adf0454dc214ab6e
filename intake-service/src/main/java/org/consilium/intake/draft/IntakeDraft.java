package org.consilium.intake.draft;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.mongodb.core.index.Indexed;

/**
 * A request for a second opinion not sent yet, kept for the person who is writing it so that they can stop and go on
 * later, on another device too. One per person ({@code _id} = their username): the one unfinished request. It carries
 * the key its sending will use ({@code Idempotency-Key} of {@code POST /cases}), so a send whose answer was lost opens
 * no second case, and the draft is deleted by the send that used it.
 */
@Document("drafts")
public class IntakeDraft {
    @Id
    private final String owner;
    @Version
    private Long version;
    private final String requestKey;
    private final Instant startedAt;
    private DraftAnswers answers;
    private String step;
    private Instant savedAt;
    // a real MongoDB deletes an abandoned draft at its expiry (a TTL index); a read also drops one past it
    @Indexed(name = "expires", expireAfter = "0s")
    private Instant expiresAt;

    @PersistenceCreator
    IntakeDraft(String owner, Long version, String requestKey, Instant startedAt, DraftAnswers answers, String step,
                Instant savedAt, Instant expiresAt) {
        this.owner = owner;
        this.version = version;
        this.requestKey = requestKey;
        this.startedAt = startedAt;
        this.answers = answers;
        this.step = step;
        this.savedAt = savedAt;
        this.expiresAt = expiresAt;
    }

    static IntakeDraft start(String owner, Instant now) {
        return new IntakeDraft(owner, null, "draft-" + UUID.randomUUID(), now, new DraftAnswers(null), null, now, now);
    }

    /** The answers as they are now (the whole set, replacing the last), and the step the person is on. */
    void save(DraftAnswers latest, String onStep, Instant now, Duration keepFor) {
        this.answers = latest;
        this.step = onStep;
        this.savedAt = now;
        this.expiresAt = now.plus(keepFor);
    }

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whether this send ({@code Idempotency-Key}) is the one the draft was written for. */
    boolean sentWith(String idempotencyKey) {
        return requestKey.equals(idempotencyKey);
    }

    public String owner() {
        return owner;
    }

    public String requestKey() {
        return requestKey;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public DraftAnswers answers() {
        return answers;
    }

    public String step() {
        return step;
    }

    public Instant savedAt() {
        return savedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
