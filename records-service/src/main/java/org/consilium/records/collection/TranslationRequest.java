package org.consilium.records.collection;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** {@code POST /cases/{caseId}/documents/{documentId}/translation-needed}: the language the document must be translated into. */
public record TranslationRequest(
        @Schema(description = "BCP 47 language tag, e.g. en, de, pt-BR", example = "en")
        @NotBlank @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String language) {
}
