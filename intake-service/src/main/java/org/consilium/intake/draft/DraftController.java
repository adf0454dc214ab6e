package org.consilium.intake.draft;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/drafts/mine")
public class DraftController {
    private final IntakeDrafts drafts;

    public DraftController(IntakeDrafts drafts) {
        this.drafts = drafts;
    }

    @GetMapping
    @Operation(summary = "The caller's unfinished request, to go on with it (404 no-draft when there is none)")
    public Mono<DraftView> mine() {
        return drafts.mine().map(DraftView::of);
    }

    @PutMapping
    @Operation(summary = "Save the caller's unfinished request as it is now",
            description = "Every answer so far, by the intake's field paths, as typed (not validated until sent). "
                    + "Kept until its expiry, which each save moves on. Send it with POST /cases and its requestKey as "
                    + "Idempotency-Key: the draft is then deleted.")
    public Mono<DraftView> save(@Valid @RequestBody SaveDraft draft) {
        return drafts.save(draft).map(DraftView::of);
    }

    @DeleteMapping
    @Operation(summary = "Throw the caller's unfinished request away")
    public Mono<ResponseEntity<Void>> discard() {
        return drafts.discard().thenReturn(ResponseEntity.noContent().build());
    }
}
