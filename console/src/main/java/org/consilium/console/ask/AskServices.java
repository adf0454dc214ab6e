package org.consilium.console.ask;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.console.services.ServiceClients.Intake;
import org.consilium.console.services.ServiceProblem;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The request form's calls to intake, each with the signed-in person's own token: their draft (read, saved, thrown
 * away) and the request itself. Intake keeps the draft and decides what may be sent; the console keeps nothing.
 */
@Component
public class AskServices {
    private final Intake intake;

    public AskServices(Intake intake) {
        this.intake = intake;
    }

    /** Their unfinished request; empty when they have none (intake's 404 {@code no-draft}). */
    public Mono<Optional<Draft>> draft() {
        return intake.client().get().uri("/drafts/mine").accept(MediaType.APPLICATION_JSON).retrieve()
                .bodyToMono(Draft.class).map(Optional::of)
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 404 ? Mono.just(Optional.empty())
                        : Mono.error(problem));
    }

    Mono<Draft> save(Answers answers, AskStep step) {
        return intake.client().put().uri("/drafts/mine").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("step", step.slug(), "answers", answers.fields())).retrieve().bodyToMono(Draft.class);
    }

    Mono<Void> discard() {
        return intake.client().delete().uri("/drafts/mine").retrieve().toBodilessEntity().then();
    }

    /** Sends the request with the draft's key; the new case's id. */
    Mono<String> send(Map<String, Object> request, String requestKey) {
        return intake.client().post().uri("/cases").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", requestKey).bodyValue(request).retrieve().bodyToMono(JsonNode.class)
                .map(created -> created.path("caseId").asText());
    }
}
