package org.consilium.mdt.review;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** The chair's consensus. Where it differs from the first opinion, the difference must be explained. */
@ConsensusRequest.DifferenceExplained
public record ConsensusRequest(@NotBlank String chairId,
                               @NotNull Boolean confirmsFirstOpinion,
                               @NotBlank @Size(max = 4000) String recommendation,
                               @NotBlank @Size(max = 4000) String plainLanguageSummary,
                               @Size(max = 4000) String differenceExplanation,
                               List<@NotBlank String> dissent) {

    /** {@code differenceExplanation} is required when {@code confirmsFirstOpinion} is false. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DifferenceExplained.Check.class)
    public @interface DifferenceExplained {
        String message() default "must not be blank when the consensus differs from the first opinion";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<DifferenceExplained, ConsensusRequest> {
            @Override
            public boolean isValid(ConsensusRequest request, ConstraintValidatorContext context) {
                if (!Boolean.FALSE.equals(request.confirmsFirstOpinion())
                        || (request.differenceExplanation() != null && !request.differenceExplanation().isBlank())) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("differenceExplanation").addConstraintViolation();
                return false;
            }
        }
    }
}
