package org.consilium.console.reportdesk;

import org.consilium.console.pages.BackTo;
import org.consilium.console.signin.SignedInUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The report desk's two steps from the worklist: approve the current version, release the approved one. */
@Controller
class ReportDeskController {
    private final ReportDesk desk;

    ReportDeskController(ReportDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/cases/{caseId}/report/{step:approve|release}")
    Mono<String> act(@PathVariable String caseId, @PathVariable String step, Authentication authentication,
                     ServerWebExchange exchange) {
        String username = SignedInUser.of(authentication).username();
        return exchange.getFormData().flatMap(form -> BackTo.after(form, desk.act(caseId, step, username),
                "the report of " + form.getFirst("patient") + (step.equals("approve") ? " is approved" : " is released")));
    }
}
