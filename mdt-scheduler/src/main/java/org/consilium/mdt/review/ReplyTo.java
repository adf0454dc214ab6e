package org.consilium.mdt.review;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.consilium.events.Recipient;

/**
 * Who asked a follow-up question and gets the chair's answer: the patient, or the caregiver or doctor
 * asking for them. A coordinator relaying the question names them; a patient or caregiver asking
 * themselves names themselves (the address must be their token's: {@link PatientQuestions}).
 *
 * @param language the answer mail's language (BCP 47, e.g. {@code id}, {@code zh-Hans}); English when absent
 */
public record ReplyTo(@NotBlank @Size(max = 200) String name, @NotBlank @Email @Size(max = 320) String email,
                      @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*") String language) {

    Recipient recipient() {
        return new Recipient(name, email, language == null || language.isBlank() ? "en" : language);
    }
}
