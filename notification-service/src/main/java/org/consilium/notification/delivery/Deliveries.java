package org.consilium.notification.delivery;

import org.consilium.events.Envelope;
import org.consilium.notification.mail.MailTemplates;
import org.consilium.notification.mail.Mailer;
import org.consilium.notification.mail.RenderedMail;
import org.consilium.notification.mail.SmtpFailure;
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
    private final Clock clock;

    public Deliveries(DeliveryRepository repository, MailTemplates templates, Mailer mailer, DeliveryMetrics metrics,
                      Clock clock) {
        this.repository = repository;
        this.templates = templates;
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
        return repository.findById(command.id())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(existing -> existing.isPresent() ? resume(existing.get(), mail) : claim(command, mail));
    }

    public Mono<Delivery> find(String id) {
        return repository.findById(id).switchIfEmpty(Mono.error(() -> DomainProblem.notFound("delivery", id)));
    }

    public Flux<Delivery> ofCase(String caseId) {
        return repository.findByCaseIdOrderByClaimedAtAsc(caseId);
    }

    private Mono<Delivery> claim(Envelope command, OutgoingMail mail) {
        // Rendered before the claim: a broken template leaves no SENDING document behind.
        RenderedMail rendered = render(mail);
        Delivery delivery = Delivery.claim(command.id(), command.caseId(), mail.purpose(), mail.recipient(),
                mailer.messageId(command.id()), rendered, clock.instant());
        return repository.insert(delivery)
                .onErrorResume(DuplicateKeyException.class, e -> {
                    log.info("delivery {} was claimed concurrently; that attempt owns it", command.id());
                    return Mono.empty();
                })
                .flatMap(claimed -> send(claimed, rendered));
    }

    private Mono<Delivery> resume(Delivery delivery, OutgoingMail mail) {
        return switch (delivery.state()) {
            case SENT, UNCONFIRMED -> {
                log.info("delivery {} is already {}, redelivered command ignored", delivery.id(), delivery.state());
                yield Mono.just(delivery);
            }
            case SENDING -> {
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
                    // Save the outcome hard: if it cannot be stored, the next attempt finds SENDING (unknown).
                    return repository.save(delivery).retryWhen(Retry.backoff(3, Duration.ofMillis(200))
                            .filter(e -> !(e instanceof OptimisticLockingFailureException)));
                }))
                .onErrorResume(SmtpFailure.class, failure -> failure.definite()
                        ? failed(delivery, failure)
                        : unconfirmed(delivery, failure));
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

    private void reportUnconfirmed(Delivery delivery) {
        metrics.unconfirmed(delivery.purpose());
        log.warn("{} email {} to case {} is UNCONFIRMED and will not be resent automatically; an operator must "
                + "check whether it arrived: {}", delivery.purpose(), delivery.id(), delivery.caseId(),
                delivery.lastError().orElse(""));
    }

    private RenderedMail render(OutgoingMail mail) {
        String template = mail.purpose().template();
        String language = templates.languageFor(template, mail.requestedLanguage());
        return templates.render(template, language, mail.variables(Locale.forLanguageTag(language)));
    }
}
