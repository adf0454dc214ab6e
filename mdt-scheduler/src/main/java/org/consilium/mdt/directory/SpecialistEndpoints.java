package org.consilium.mdt.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

@RestController
@Tag(name = "directory")
class SpecialistEndpoints {
    private final SpecialistDirectory directory;

    SpecialistEndpoints(SpecialistDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/specialists")
    @Operation(summary = "Specialists in the directory, optionally of one discipline, sorted by discipline and name")
    Flux<Specialist> specialists(@RequestParam(required = false) String discipline) {
        return directory.all(discipline);
    }
}
