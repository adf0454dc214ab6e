package org.consilium.console.ops;

import org.consilium.console.language.StaffWords;

import java.util.List;

import org.consilium.console.errors.BadInput;
import org.consilium.console.services.ServiceProblem;
import org.consilium.console.signin.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The ops pages (role {@code ops}): the dead letters of every service, replayed or discarded from here; each
 * consumer group's lag; the engine's incidents, retried from here; and the cases stuck past their stage's target. Ops sees no case content: ids, types, topics, errors and times only.
 */
@Controller
class OpsController {
    static final String DEAD_LETTERS = "/ops/dead-letters";
    static final String INCIDENTS = "/ops/incidents";

    private final DeadLetterDesk desk;
    private final ConsumerLag lag;
    private final EngineIncidents incidents;
    private final StuckCases stuck;
    private final ServicePulse pulse;
    private final TopicRates rates;

    OpsController(DeadLetterDesk desk, ConsumerLag lag, EngineIncidents incidents, StuckCases stuck, ServicePulse pulse,
                  TopicRates rates) {
        this.pulse = pulse;
        this.rates = rates;
        this.desk = desk;
        this.lag = lag;
        this.incidents = incidents;
        this.stuck = stuck;
    }

    /** The engine's open incidents, newest first, with retry; the engine's own errors are shown as they come. */
    @GetMapping(INCIDENTS)
    Mono<Rendering> incidents(@RequestParam(required = false) String done) {
        return incidents.open()
                .map(rows -> Rendering.view("ops-incidents").modelAttribute("rows", rows)
                        .modelAttribute("shownAtMost", EngineIncidents.SHOWN)
                        .modelAttribute("done", shortened(done)).modelAttribute("engineDown", null).build())
                .onErrorResume(ServiceProblem.class, down -> Mono.just(Rendering.view("ops-incidents")
                        .status(HttpStatus.SERVICE_UNAVAILABLE).modelAttribute("rows", List.of())
                        .modelAttribute("shownAtMost", EngineIncidents.SHOWN).modelAttribute("done", null)
                        .modelAttribute("engineDown", down.getMessage()).build()));
    }

    @PostMapping(INCIDENTS + "/retry")
    Mono<String> retry(ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        return exchange.getFormData().flatMap(form -> {
            List<String> chosen = form.getOrDefault("incident", List.of());
            if (chosen.isEmpty()) {
                return Mono.error(new BadInput("incident", "choose at least one incident to retry"));
            }
            if (chosen.size() > EngineIncidents.SHOWN) {
                return Mono.error(new BadInput("incident", "at most " + EngineIncidents.SHOWN + " at once"));
            }
            return incidents.retry(chosen).count().map(n -> "redirect:" + UriComponentsBuilder.fromPath(INCIDENTS)
                    .queryParam("done", n == 1 ? w.say("ops.retried.one") : w.say("ops.retried", n)).encode().build().toUriString());
        });
    }

    /** Cases past their stage's target, with whose move it is and the incident that stops one, if any. */
    @GetMapping("/ops/stuck")
    Mono<Rendering> stuckCases() {
        Mono<List<Incident>> open = incidents.open().onErrorResume(ServiceProblem.class, down -> Mono.just(List.of()));
        return open.flatMap(known -> stuck.now(known).map(rows -> Rendering.view("ops-stuck").modelAttribute("rows", rows)
                .modelAttribute("shownAtMost", StuckCases.SHOWN).build()));
    }

    /** Each service's backlog (its own metrics) and each consumer group's lag (the broker), read now. */
    @GetMapping("/ops/pipeline")
    Mono<Rendering> pipeline() {
        Mono<List<ServicePulse.Row>> services = pulse.all();
        Mono<Broker> broker = Mono.fromCallable(() -> new Broker(rates.all(), lag.all(), null))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(DeadLetterTopics.BrokerUnavailable.class,
                        down -> Mono.just(new Broker(List.of(), List.of(), down.getMessage())));
        return Mono.zip(services, broker).map(both -> Rendering.view("ops-pipeline")
                .status(both.getT2().brokerDown() == null ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .modelAttribute("services", both.getT1()).modelAttribute("topics", both.getT2().topics())
                .modelAttribute("rows", both.getT2().lag()).modelAttribute("brokerDown", both.getT2().brokerDown()).build());
    }

    /** What the broker says: each topic's rate, each group's lag; or why it said nothing. */
    private record Broker(List<TopicRates.Row> topics, List<ConsumerLag.Row> lag, String brokerDown) {
    }

    @GetMapping("/ops")
    String ops() {
        return "redirect:" + DEAD_LETTERS;
    }

    @GetMapping(DEAD_LETTERS)
    Mono<Rendering> deadLetters(@RequestParam(defaultValue = "open") String state,
                                @RequestParam(required = false) String done) {
        Shown shown = Shown.of(state);
        return desk.all()
                .map(rows -> Rendering.view("ops-dead-letters")
                        .modelAttribute("rows", rows.stream().filter(shown::includes).toList())
                        .modelAttribute("open", rows.stream().filter(DeadLetter::open).count())
                        .modelAttribute("total", rows.size())
                        .modelAttribute("state", shown.name().toLowerCase())
                        .modelAttribute("done", shortened(done))
                        .modelAttribute("brokerDown", null)
                        .build())
                .onErrorResume(DeadLetterTopics.BrokerUnavailable.class, down -> Mono.just(Rendering.view("ops-dead-letters")
                        .status(HttpStatus.SERVICE_UNAVAILABLE)
                        .modelAttribute("rows", List.of()).modelAttribute("open", 0).modelAttribute("total", 0)
                        .modelAttribute("state", shown.name().toLowerCase()).modelAttribute("done", null)
                        .modelAttribute("brokerDown", down.getMessage())
                        .build()));
    }

    @PostMapping(DEAD_LETTERS + "/replay")
    Mono<String> replay(Authentication authentication, ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String by = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> desk.replay(places(form), by, form.getFirst("reason")).count()
                .map(n -> back(n == 1 ? w.say("ops.replayed.one") : w.say("ops.replayed", n))));
    }

    @PostMapping(DEAD_LETTERS + "/discard")
    Mono<String> discard(Authentication authentication, ServerWebExchange exchange, java.util.Locale locale) {
        StaffWords w = StaffWords.in(locale);
        String by = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> desk.discard(places(form), by, form.getFirst("reason")).count()
                .map(n -> back(n == 1 ? w.say("ops.discarded.one") : w.say("ops.discarded", n))));
    }

    /** A redirect's note, as the page says it (never longer than a sentence). */
    private static String shortened(String done) {
        return done == null ? null : done.length() > 200 ? done.substring(0, 200) : done;
    }

    private static List<String> places(MultiValueMap<String, String> form) {
        List<String> places = form.get("place");
        return places == null ? List.of() : places;
    }

    private static String back(String done) {
        return "redirect:" + UriComponentsBuilder.fromPath(DEAD_LETTERS).queryParam("done", done).encode().build().toUriString();
    }

    /** Which rows the page shows. */
    enum Shown {
        OPEN, DECIDED, ALL;

        static Shown of(String text) {
            for (Shown shown : values()) {
                if (shown.name().equalsIgnoreCase(text)) {
                    return shown;
                }
            }
            throw new BadInput("state", "one of open, decided, all");
        }

        boolean includes(DeadLetter row) {
            return this == ALL || (this == OPEN) == row.open();
        }
    }
}
