package org.consilium.console.casepage;

import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

/** One case, with each open task's form; {@code done} names the task just completed, for the confirmation. */
@Controller
class CasePageController {
    private final CasePage page;

    CasePageController(CasePage page) {
        this.page = page;
    }

    @GetMapping("/cases/{caseId}")
    Mono<Rendering> casePage(@PathVariable String caseId, @RequestParam(required = false) String refused,
                             @RequestParam(required = false) String done) {
        return page.render(caseId, Optional.empty(), done, refused);
    }
}
