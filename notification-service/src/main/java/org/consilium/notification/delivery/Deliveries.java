package org.consilium.notification.delivery;

import org.consilium.support.concurrency.ConcurrentChanges;
import org.consilium.events.Envelope;
import org.consilium.notification.calendar.CalendarInvitations;
import org.consilium.notification.inbox.Inbox;
import org.consilium.notification.mail.Attachment;
import org.consilium.notification.mail.MailTemplates;
import org.consilium.notification.mail.Mailer;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.notification.mail.SmtpFailure;
import org.consilium.notification.report.ReportPdfs;
import org.consilium.notification.webhook.WebhookEvent;
import org.consilium.notification.webhook.Webhooks;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends exactly one email per command, across redelivery and restarts (see ADR-notification-once):
 * claim the command's {@link Delivery} before SMTP, record SENT with its event in one save, retry
 * only when SMTP certainly failed, and never resend when the outcome of an attempt is unknown.
 */
@Service
public class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    private final DeliveryRepository repository;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final DeliveryMetrics metrics;
    private final ReportPdfs reports;
    private final CalendarInvitations calendar;
    private final QuietHours quietHours;
    private final Webhooks webhooks;
    private final Inbox inbox;
    private final Clock clock;

    public Deliveries(DeliveryRepository repository, MailTemplates templates, Mailer mailer, DeliveryMetrics metrics,
                      ReportPdfs reports, CalendarInvitations calendar, QuietHours quietHours, Webhooks webhooks,
                      Inbox inbox, Clock clock) {
        this.webhooks = webhooks;
        this.inbox = inbox;
        this.quietHours = quietHours;
        this.repository = repository;
        this.templates = templates;
        this.reports = reports;
        this.calendar = calendar;
        this.mailer = mailer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Mono<Delivery> deliver(Envelope command) {
        Optional<OutgoingMail> outgoing = OutgoingMail.of(command);
        if (outgoing.isEmpty()) {
            log.debug("{} {} is not an email command, ignored", command.type().messageName(), command.id());
            return Mono.empty();
        }
        OutgoingMail mail = outgoing.get();
        // Webhooks first: their records are keyed by command and subscription, so a redelivered command
        // re-creates none, and one that crashed after this point still finds them (they are sent by a job).
        return webhooks.enqueue(new WebhookEvent(command.id(), mail.caseId(), mail.purpose(), mail.parameters(), command.time()))
                .then(repository.findById(command.id()))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.isPresent() ? resume(existing.get(), mail) : claim(command, mail));
    }

    public Mono<Delivery> find(String id) {
        return repository.findById(id).switchIfEmpty(Mono.error(() -> DomainProblem.notFound("delivery", id)));
    }

    /** The deliveries of a case, in a state, or both; oldest first. At least one filter is required. */
    public Flux<Delivery> list(String caseId, DeliveryState state) {
        if (caseId == null && state == null) {
            return Flux.error(DomainProblem.badRequest("filter-required", "give caseId, state or both"));
        }
        if (state == null) {
            return repository.findByCaseIdOrderByClaimedAtAsc(caseId);
        }
        return caseId == null ? repository.findByStateOrderByClaimedAtAsc(state)
                : repository.findByCaseIdAndStateOrderByClaimedAtAsc(caseId, state);
    }

    /**
     * An operator's answer to an UNCONFIRMED delivery: DELIVERED records it SENT with its delivered event
     * (no email); RESEND makes it due for the deferred-delivery job, which claims it before SMTP. Either
     * way one save, re-read and re-checked if it changed meanwhile, so two operators cannot both resend.
     */
    public Mono<Delivery> resolve(String id, ResolveDelivery request, String resolvedBy) {
        return Mono.defer(() -> find(id).flatMap(delivery -> {
                    Resolution resolution = new Resolution(request.outcome(), request.reason().strip(),
                            resolvedBy, clock.instant());
                    if (request.outcome() == ResolutionOutcome.DELIVERED) {
                        delivery.confirmDelivered(resolution);
                    } else {
                        delivery.resend(resolution);
                    }
                    return repository.save(delivery);
                }))
                .retryWhen(ConcurrentChanges.retry("the delivery"))
                .doOnNext(resolved -> {
                    metrics.resolved(request.outcome());
                    log.info("{} email {} to case {} resolved by an operator as {}: {}", resolved.purpose(), resolved.id(),
                            resolved.caseId(), request.outcome(), request.reason());
                });
    }

    private Mono<Delivery> claim(Envelope command, OutgoingMail mail) {
        // Rendered before the claim: a broken template leaves no SENDING document behind.
        RenderedMail rendered = render(mail);
        Optional<Instant> notBefore = quietHours.notBefore(mail.purpose(), mail.parameters(), clock.instant());
        if (notBefore.isPresent()) {
            return defer(command, mail, rendered, notBefore.get());
        }
        Delivery delivery = Delivery.claim(command, mail.purpose(), mail.recipient(), mailer.messageId(command.id()),
                rendered, clock.instant());
        return repository.insert(delivery)
                .onErrorResume(DuplicateKeyException.class, e -> {
                    log.info("delivery {} was claimed concurrently; that attempt owns it", command.id());
                    return Mono.empty();
                })
                .flatMap(claimed -> send(claimed, rendered));
    }

    private Mono<Delivery> defer(Envelope command, OutgoingMail mail, RenderedMail rendered, Instant notBefore) {
        Delivery delivery = Delivery.defer(command, mail.purpose(), mail.recipient(), mailer.messageId(command.id()),
                rendered, clock.instant(), notBefore);
        return repository.insert(delivery)
                .doOnNext(deferred -> log.info("{} email {} to case {} deferred to {}: the recipient's quiet hours",
                        deferred.purpose(), deferred.id(), deferred.caseId(), notBefore))
                .onErrorResume(DuplicateKeyException.class, e -> {
                    log.info("delivery {} was claimed concurrently; that attempt owns it", command.id());
                    return Mono.empty();
                });
    }

    /**
     * Sends the deferred deliveries whose quiet hours are over, each claimed SENDING first (a concurrent
     * job loses on the version), and turns deferred deliveries stuck in SENDING into UNCONFIRMED: no
     * redelivered command will come for them. Returns how many were sent.
     */
    public Mono<Long> sendDue() {
        Instant now = clock.instant();
        Mono<Long> stuck = repository.findByStateAndLastAttemptAtBefore(DeliveryState.SENDING, now.minus(quietHours.stuckAfter()))
                .filter(delivery -> delivery.deferredCommand().isPresent())
                .concatMap(delivery -> {
                    delivery.unconfirmed("deferred delivery claimed at " + delivery.lastAttemptAt() + " recorded no outcome "
                            + "within " + quietHours.stuckAfter() + "; the email may or may not have been sent: confirm "
                            + "with the SMTP log (Message-ID " + delivery.messageId() + ") or the recipient", now);
                    return repository.save(delivery).doOnNext(this::reportUnconfirmed)
                            .onErrorResume(OptimisticLockingFailureException.class, e -> Mono.empty());
                })
                .count();
        Mono<Long> due = repository.findByStateAndNotBeforeLessThanEqual(DeliveryState.DEFERRED, now)
                .concatMap(this::sendDeferred)
                .filter(delivery -> delivery.state() == DeliveryState.SENT)
                .count();
        return stuck.then(due);
    }

    private Mono<Delivery> sendDeferred(Delivery delivery) {
        OutgoingMail mail;
        RenderedMail rendered;
        try {
            mail = OutgoingMail.of(delivery.deferredCommand().orElseThrow().envelope(delivery.id())).orElseThrow();
            rendered = render(mail);
        } catch (RuntimeException e) {
            log.error("deferred delivery {} cannot be rendered; it stays DEFERRED: {}", delivery.id(), e.toString());
            return Mono.empty();
        }
        delivery.release(rendered, clock.instant());
        return repository.save(delivery)
                .flatMap(claimed -> send(claimed, rendered))
                .onErrorResume(OptimisticLockingFailureException.class, e -> {
                    log.warn("deferred delivery {} was changed concurrently while the job claimed or sent it; left as "
                            + "the other writer stored it", delivery.id());
                    return Mono.empty();
                })
                .onErrorResume(SmtpFailure.class, e -> repository.findById(delivery.id())
                        .filter(failed -> failed.state() == DeliveryState.FAILED)
                        .flatMap(this::deferAfterFailure));
    }

    private Mono<Delivery> deferAfterFailure(Delivery failed) {
        if (failed.attempts() >= quietHours.maxAttempts()) {
            log.error("deferred {} email {} to case {} failed {} times and stays FAILED; replay its command to send it",
                    failed.purpose(), failed.id(), failed.caseId(), failed.attempts());
            return Mono.just(failed);
        }
        Instant later = clock.instant().plus(quietHours.pollInterval().multipliedBy(1L << Math.min(failed.attempts(), 6)));
        failed.deferAgain(later);
        return repository.save(failed);
    }

    private Mono<Delivery> resume(Delivery delivery, OutgoingMail mail) {
        return switch (delivery.state()) {
            case DEFERRED -> {
                log.info("delivery {} is deferred to {}, redelivered command ignored", delivery.id(),
                        delivery.notBefore().orElse(null));
                yield Mono.just(delivery);
            }
            case SENT, UNCONFIRMED, BOUNCED -> {
                log.info("delivery {} is already {}, redelivered command ignored", delivery.id(), delivery.state());
                yield Mono.just(delivery);
            }
            case SENDING -> {
                if (delivery.deferredCommand().isPresent()) {
                    // The deferred-delivery job owns it (the command was acknowledged when it was deferred);
                    // the job turns it UNCONFIRMED itself if it stays SENDING without an outcome.
                    log.info("deferred delivery {} is being sent by the job, redelivered command ignored", delivery.id());
                    yield Mono.just(delivery);
                }
                // The attempt that claimed it never recorded an outcome: the process died or lost the
                // store mid-send. The email may have gone out; a second copy is worse than a check.
                delivery.unconfirmed("attempt " + delivery.attempts() + " started at " + delivery.lastAttemptAt()
                        + " ended without a recorded outcome; the email may or may not have been sent: confirm "
                        + "with the SMTP log (Message-ID " + delivery.messageId() + ") or the recipient", clock.instant());
                yield repository.save(delivery).doOnNext(this::reportUnconfirmed);
            }
            case FAILED -> {
                RenderedMail rendered = render(mail);
                delivery.retry(rendered, clock.instant());
                yield repository.save(delivery).flatMap(claimed -> send(claimed, rendered));
            }
        };
    }

    private Mono<Delivery> send(Delivery delivery, RenderedMail rendered) {
        return Mono.fromRunnable(() -> mailer.send(delivery.messageId(), delivery.caseId(), delivery.recipient(), rendered))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(() -> {
                    metrics.sent(delivery.purpose());
                    delivery.sent(clock.instant());
                    log.info("{} email {} sent, written in {} (attempt {})", delivery.purpose(), delivery.id(),
                            delivery.language(), delivery.attempts());
                    return inboxBeforeAnnounced(delivery);
                }))
                // Save the outcome hard: if it cannot be stored, the next attempt finds SENDING (unknown).
                .then(Mono.defer(() -> repository.save(delivery)).retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                        .filter(e -> !(e instanceof OptimisticLockingFailureException))))
                .onErrorResume(SmtpFailure.class, failure -> failure.definite()
                        ? failed(delivery, failure)
                        : unconfirmed(delivery, failure));
    }

    /**
     * The SENT save carries the delivered event, which ends the report stage: the patient who opens her page on
     * that event must find the mail in her inbox already. A failed add is not the send's failure: the inbox feed
     * adds what this could not.
     */
    private Mono<Void> inboxBeforeAnnounced(Delivery delivery) {
        return inbox.add(delivery.inboxEntry())
                .then(Mono.fromRunnable(delivery::inboxed))
                .onErrorResume(e -> {
                    log.warn("{} email {} is sent but not yet in the recipient's inbox; the inbox feed will add it: {}",
                            delivery.purpose(), delivery.id(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Delivery> failed(Delivery delivery, SmtpFailure failure) {
        metrics.failed(delivery.purpose());
        delivery.failed(failure.getMessage(), clock.instant());
        log.warn("{} email {} not sent (attempt {}), will be retried: {}", delivery.purpose(), delivery.id(),
                delivery.attempts(), failure.getMessage());
        // Rethrown so the binder retries with back-off and finally dead-letters the command.
        return repository.save(delivery).then(Mono.error(failure));
    }

    private Mono<Delivery> unconfirmed(Delivery delivery, SmtpFailure failure) {
        delivery.unconfirmed("the SMTP transfer broke off where the server may have accepted the email: "
                + failure.getMessage(), clock.instant());
        return repository.save(delivery).doOnNext(this::reportUnconfirmed);
    }

    /**
     * A permanent delivery failure reported for one of our emails (a DSN, or a mail provider's bounce
     * webhook), found by its Message-ID. Idempotent: DSNs come more than once.
     */
    public Mono<Delivery> bounced(ReportBounce bounce) {
        String messageId = bounce.normalizedMessageId();
        return Mono.defer(() -> repository.findByMessageId(messageId)
                        .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("email with Message-ID", messageId)))
                        .flatMap(delivery -> delivery.bounced(bounce.describe(), clock.instant())
                                ? repository.save(delivery).doOnNext(this::reportBounced)
                                : Mono.just(delivery)))
                .retryWhen(ConcurrentChanges.retry("the delivery"));
    }

    private void reportBounced(Delivery delivery) {
        metrics.bounced(delivery.purpose());
        log.warn("{} email {} to case {} BOUNCED: {}", delivery.purpose(), delivery.id(), delivery.caseId(),
                delivery.lastError().orElse(""));
    }

    private void reportUnconfirmed(Delivery delivery) {
        metrics.unconfirmed(delivery.purpose());
        log.warn("{} email {} to case {} is UNCONFIRMED and will not be resent automatically; an operator must "
                + "check whether it arrived: {}", delivery.purpose(), delivery.id(), delivery.caseId(),
                delivery.lastError().orElse(""));
    }

    private RenderedMail render(OutgoingMail mail) {
        String template = mail.purpose().template();
        String language = templates.languageFor(template, mail.requestedLanguage());
        return templates.render(template, language, mail.variables(Locale.forLanguageTag(language)))
                .withAttachments(attachments(mail));
    }

    /** The report goes with both PDF renderings; an MDT session notice with its calendar entry. */
    private List<Attachment> attachments(OutgoingMail mail) {
        if (mail.report() != null) {
            return List.of(reports.plain(mail.report(), mail.time()), reports.clinician(mail.report(), mail.time()));
        }
        if (mail.purpose() == DeliveryPurpose.MDT_SCHEDULED || mail.purpose() == DeliveryPurpose.MDT_INVITATION
                || mail.purpose() == DeliveryPurpose.GUEST_INVITATION) {
            return calendar.mdtSession(mail.caseId(), mail.parameters(), mail.time(),
                    mail.purpose() != DeliveryPurpose.MDT_SCHEDULED).map(List::of).orElse(List.of());
        }
        return List.of();
    }
}
