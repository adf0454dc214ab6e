package org.consilium.console.caseview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The words a patient is found by, and their keyed hashes. */
class PatientNamesTest {
    private static final String KEY = "a test's key for the hashes of names, 32+ characters";

    @Test
    void wordsAreFoundWhateverTheirCaseAccentsOrPunctuation() {
        assertThat(PatientNames.words("José  Ramírez-O'Neill")).containsExactly("jose", "ramirez", "o", "neill");
        assertThat(PatientNames.words("ＭＡＲＩＡ")).containsExactly("maria"); // full-width letters, as some keyboards type
        assertThat(PatientNames.words("Müller, Zoë")).containsExactly("muller", "zoe");
        assertThat(PatientNames.words("محمد عبد الله")).containsExactly("محمد", "عبد", "الله");
    }

    @Test
    void aNameWrittenWithoutSpacesIsFoundByEachOfItsCharactersToo() {
        assertThat(PatientNames.words("李明")).containsExactly("李明", "李", "明");
        assertThat(PatientNames.words("김민준")).contains("김민준", "김", "민", "준");
    }

    @Test
    void hashesDependOnTheKeyAndNoKeyMeansNoSearchByName() {
        PatientNames names = new PatientNames(KEY);
        assertThat(names.tokens("Budi Santoso")).hasSize(2).isEqualTo(names.tokens("santoso  BUDI").stream()
                .collect(java.util.stream.Collectors.toSet()));
        assertThat(names.tokens("Budi")).doesNotContainAnyElementsOf(new PatientNames(KEY + "2").tokens("Budi"));
        assertThat(names.tokens("Budi")).allSatisfy(token -> assertThat(token).hasSize(16).doesNotContain("udi"));
        assertThat(new PatientNames("").enabled()).isFalse();
        assertThat(new PatientNames("").tokens("Budi")).isEmpty();
        assertThatThrownBy(() -> new PatientNames("short")).hasMessageContaining("at least 32 characters");
    }
}
