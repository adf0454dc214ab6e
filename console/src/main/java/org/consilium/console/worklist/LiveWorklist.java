package org.consilium.console.worklist;

import java.time.Duration;

import org.consilium.console.caseview.CaseView;
import org.consilium.console.caseview.CaseViewListener;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New work without a reload: a server-sent event {@code worklist} whenever the read model changed, at most one a
 * second (a burst of a hundred cases is one refresh, not a hundred). The page's script (js/worklist.js) then fetches
 * its own address again and swaps the list; the event carries no case data, so nothing leaks to a tab left open.
 * A comment every 20 s keeps proxies from closing a quiet stream.
 */
@Controller
class LiveWorklist implements CaseViewListener {
    private static final Duration AT_MOST_EVERY = Duration.ofSeconds(1);

    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    @Override
    public void changed(CaseView view) {
        changes.tryEmitNext(view.caseId());
    }

    @GetMapping(path = "/worklist/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> changes() {
        Flux<ServerSentEvent<String>> changed = changes.asFlux().sample(AT_MOST_EVERY)
                .map(any -> ServerSentEvent.<String>builder().event("worklist").data("changed").build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(Duration.ofSeconds(20))
                .map(tick -> ServerSentEvent.<String>builder().comment("still here").build());
        return Flux.merge(changed, keepAlive);
    }
}
