package org.consilium.intake.draft;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * {@code PUT /drafts/mine}: every answer so far (the whole set: an answer left out is an answer removed) and the step
 * the person is on. Only the shape is checked here, so that an answer not yet right is still kept; sizes are bounded
 * as the intake's own (its longest text is a first opinion of 20,000 characters).
 *
 * @param step the form's step, a word of the client's ({@code diagnosis}); kept to come back to it
 */
public record SaveDraft(
        @Pattern(regexp = "[a-z][a-z0-9-]{0,39}", message = "must be a step's name such as diagnosis") String step,
        @NotNull @Size(max = 150) Map<
                @Pattern(regexp = "[A-Za-z][A-Za-z0-9]*(\\[[0-9]\\])?(\\.[A-Za-z][A-Za-z0-9]*(\\[[0-9]\\])?){0,3}",
                        message = "must be an intake field such as patient.age") String,
                @NotNull @Size(max = 20) List<@NotNull @Size(max = 20_000) String>> answers) {
}
