package org.consilium.support.input;

import org.consilium.events.text.PlainText;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text that must stay on one line: no line break or tab either (names, e-mail addresses, ids). Every
 * string of a body is already refused for other control characters ({@link PlainText}); a field
 * only needs this when a line break in it would do harm, e.g. a name that becomes a PDF line or a
 * mail header.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {
    String message() default "must be a single line (no line breaks or tabs)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return PlainText.problemInLine(value) == null;
        }
    }
}
