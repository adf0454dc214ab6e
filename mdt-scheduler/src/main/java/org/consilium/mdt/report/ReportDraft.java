package org.consilium.mdt.report;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/** The report's sections as a request carries them (the chair's consensus, a coordinator's revision). */
public interface ReportDraft {
    Boolean confirmsFirstOpinion();

    String recommendation();

    String plainLanguageSummary();

    String differenceExplanation();

    List<String> dissent();

    List<ConcernAnswer> concerns();

    FirstOpinionComparison comparison();

    List<String> stillMissing();

    List<String> supportiveCare();

    default ReportSections sections() {
        return new ReportSections(Boolean.TRUE.equals(confirmsFirstOpinion()), recommendation(), plainLanguageSummary(),
                differenceExplanation(), dissent(), concerns(), comparison(), stillMissing(), supportiveCare());
    }

    /** {@code differenceExplanation} is required when {@code confirmsFirstOpinion} is false. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DifferenceExplained.Check.class)
    @interface DifferenceExplained {
        String message() default "must not be blank when the consensus differs from the first opinion";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Check implements ConstraintValidator<DifferenceExplained, ReportDraft> {
            @Override
            public boolean isValid(ReportDraft request, ConstraintValidatorContext context) {
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
