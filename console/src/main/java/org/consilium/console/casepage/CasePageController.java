package org.consilium.console.casepage;

import org.consilium.console.language.StaffWords;

import java.util.Optional;

import org.consilium.console.pages.Refusals;
import org.consilium.console.reportdesk.ReportEditAttempt;
import org.consilium.console.taskform.Attempt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * One case, with each open task's form, the report desk, the emails and the consents. A refused submission comes
 * back here by its key ({@code attempt}, Post/Redirect/Get), so the address bar is always the case's.
 */
@Controller
class CasePageController {
    private final CasePage page;
    private final Refusals refusals;
    private final IssuedLinks issuedLinks;

    CasePageController(CasePage page, Refusals refusals, IssuedLinks issuedLinks) {
        this.page = page;
        this.refusals = refusals;
        this.issuedLinks = issuedLinks;
    }

    @GetMapping("/cases/{caseId}")
    Mono<Rendering> casePage(@PathVariable String caseId, @RequestParam(required = false) String refused,
                             @RequestParam(required = false) String done,
                             @RequestParam(required = false) String report,
                             @RequestParam(required = false) String reportRefused,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(name = Refusals.PARAMETER, required = false) String attempt,
                             @RequestParam(required = false) String records, @RequestParam(required = false) String links,
                             @RequestParam(name = IssuedLinks.PARAMETER, required = false) String issued,
                             @RequestParam(required = false) String panel,
                             ServerWebExchange exchange, java.util.Locale locale) {
        return Mono.zip(refusals.find(exchange, attempt, Attempt.class),
                        refusals.find(exchange, attempt, ReportEditAttempt.class),
                        refusals.find(exchange, attempt, SectionAttempt.class), issuedLinks.take(exchange, issued))
                .flatMap(kept -> page.render(caseId, new CasePageRequest(kept.getT1(), kept.getT2(), done, refused,
                        report, reportRefused, version(from), version(to), kept.getT3(), records, links, kept.getT4(), panel),
                        StaffWords.in(locale)));
    }

    /** A version to compare; anything else is ignored (the default comparison is shown). */
    private static Integer version(String text) {
        return text != null && text.matches("\\d{1,4}") ? Integer.valueOf(text) : null;
    }
}
