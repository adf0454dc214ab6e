package org.consilium.console.room;

import org.consilium.console.language.StaffWords;

import java.util.Map;
import java.util.Optional;

import org.consilium.console.services.ServiceProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * One case in the room, drawn from the services at request time: the review (brief, session, panel, the opinions
 * mdt-scheduler lets this member see), the meeting view, and the records. A case that is not this specialist's is
 * the service's 403, shown as what is missing: a seat on its panel while its review is open.
 */
@Component
class RoomPages {
    private final Room room;

    RoomPages(Room room) {
        this.room = room;
    }

    /** The forms as the page shows them: fresh (a draft if one is kept), or as sent with the fields refused. */
    record Forms(OpinionForm opinion, Map<String, String> opinionErrors, ConsensusForm consensus,
                 Map<String, String> consensusErrors, String questionId, String answer, Map<String, String> answerErrors,
                 boolean draftKept) {

        static Forms fresh(WebSession session, String caseId) {
            Optional<OpinionForm> draft = OpinionDrafts.of(session, caseId);
            return new Forms(draft.orElseGet(OpinionForm::empty), Map.of(), ConsensusForm.empty(), Map.of(), "", "",
                    Map.of(), draft.isPresent() && !draft.get().blank());
        }

        static Forms opinionRefused(OpinionForm form, Map<String, String> refused) {
            Map<String, String> errors = FieldWords.of(refused);
            // a form whose key was damaged gets a new one: it was never accepted under the old
            OpinionForm shown = errors.containsKey("idempotencyKey")
                    ? new OpinionForm(form.recommendation(), form.agreesWithFirstOpinion(), form.confidence(),
                    form.informationMissing(), Room.newKey()) : form;
            return new Forms(shown, errors, ConsensusForm.empty(), Map.of(), "", "", Map.of(), true);
        }

        static Forms consensusRefused(ConsensusForm form, Map<String, String> errors) {
            return new Forms(OpinionForm.empty(), Map.of(), form, FieldWords.of(errors), "", "", Map.of(), false);
        }

        static Forms answerRefused(String questionId, String answer, Map<String, String> errors) {
            return new Forms(OpinionForm.empty(), Map.of(), ConsensusForm.empty(), Map.of(), questionId, answer,
                    FieldWords.of(errors), false);
        }

        public String answerFor(String id) {
            return id.equals(questionId) ? answer : "";
        }

        public String answerError(String id) {
            return id.equals(questionId) ? answerErrors.getOrDefault("answer", "") : "";
        }
    }

    Mono<Rendering> casePage(String caseId, String me, Forms forms, HttpStatus status, String done, String alert) {
        return casePage(caseId, me, forms, status, done, alert, StaffWords.ENGLISH);
    }

    Mono<Rendering> casePage(String caseId, String me, Forms forms, HttpStatus status, String done, String alert,
                             StaffWords words) {
        Mono<Object> dossier = room.dossier(caseId).<Object>map(found -> found)
                .onErrorResume(error -> Mono.just(error instanceof ServiceProblem problem
                        ? words.say("service.answered", "records-service", problem.status(), problem.title())
                        + (problem.detail().isBlank() ? "" : " (" + problem.detail() + ")")
                        : words.say("service.noAnswer", "records-service")));
        return room.review(caseId)
                .flatMap(review -> Mono.zip(room.meeting(caseId), dossier).map(found -> {
                    Meeting meeting = found.getT1();
                    String zone = review.member(me).map(ReviewFile.Member::timeZone).orElse(null);
                    return Rendering.view("room-case").status(status)
                            .modelAttribute("review", review)
                            .modelAttribute("meeting", meeting)
                            .modelAttribute(found.getT2() instanceof Dossier ? "dossier" : "dossierProblem", found.getT2())
                            .modelAttribute("me", me)
                            .modelAttribute("mine", review.opinionOf(me).orElse(null))
                            .modelAttribute("zone", ViewerZone.of(zone))
                            .modelAttribute("forms", forms)
                            .modelAttribute("done", done)
                            .modelAttribute("alert", alert)
                            .build();
                }))
                .onErrorResume(ServiceProblem.class, problem -> problem.status() == 403
                        ? Mono.just(refused(caseId, problem)) : Mono.error(problem));
    }

    /** Not this specialist's case: what is missing, in words, and the service's own. */
    private static Rendering refused(String caseId, ServiceProblem problem) {
        return Rendering.view("room-refused").status(HttpStatus.FORBIDDEN)
                .modelAttribute("caseId", caseId)
                .modelAttribute("detail", problem.detail())
                .modelAttribute("type", problem.type())
                .build();
    }
}
