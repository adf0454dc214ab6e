package org.consilium.support.input;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@code String} counts characters as people do (code points), not UTF-16 units:
 * a 200-emoji name is 200 characters, not 400, and a name in a supplementary-plane script gets the
 * same room as one in Latin. Registered for every {@code @Size} through
 * {@code META-INF/services/jakarta.validation.ConstraintValidator}: Hibernate Validator adds it to its
 * own validators, and for a {@code String} it picks this one over its {@code CharSequence} one (the
 * most specific type wins), so no annotation in the services changes.
 */
public class SizeInCodePoints implements ConstraintValidator<Size, String> {
    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        // a huge value is refused without counting: it has at least half as many code points as chars
        if ((value.length() + 1) / 2 > max) {
            return false;
        }
        int length = value.codePointCount(0, value.length());
        return length >= min && length <= max;
    }
}
