package org.consilium.support.input;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @Size} as the services use it, with the validator they get (registered by the service file). */
class SizeInCodePointsTest {
    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Person(@Size(max = 200) String name, @Size(min = 2, max = 3) List<@Size(max = 2) String> tags) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aTwoHundredEmojiNameIsTwoHundredCharacters() {
        assertThat(VALIDATOR.validate(new Person("😀".repeat(200), List.of("a", "b")))).isEmpty();
        assertThat(VALIDATOR.validate(new Person("😀".repeat(201), List.of("a", "b"))))
                .extracting(v -> v.getPropertyPath().toString()).containsExactly("name");
        assertThat(VALIDATOR.validate(new Person("x".repeat(201), List.of("a", "b")))).hasSize(1);
    }

    @Test
    void collectionsAndListElementsAreSizedAsBefore() {
        assertThat(VALIDATOR.validate(new Person("n", List.of("a")))).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("tags");
        assertThat(VALIDATOR.validate(new Person("n", List.of("😀😀", "b")))).isEmpty();
        assertThat(VALIDATOR.validate(new Person("n", List.of("abc", "b")))).hasSize(1);
    }
}
