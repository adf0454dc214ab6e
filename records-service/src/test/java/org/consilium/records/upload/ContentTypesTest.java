package org.consilium.records.upload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTest {
    private final ContentTypes types = new ContentTypes();

    @ParameterizedTest
    @CsvSource({"application/zip, true", "application/java-archive, true", "application/epub+zip, true",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, true",
            "application/vnd.oasis.opendocument.text, true", "application/pdf, false", "application/dicom, false",
            "image/jpeg, false", "application/octet-stream, false", "not a type, false"})
    void zipAndTheFormatsBuiltOnItAreInspected(String type, boolean zipBased) {
        assertThat(types.isZipBased(type)).isEqualTo(zipBased);
    }

    @ParameterizedTest
    @CsvSource({"application/pdf, application/pdf, true", "application/octet-stream, application/pdf, true",
            "'', image/jpeg, true", "application/x-zip-compressed, application/zip, true",
            "application/zip, application/vnd.openxmlformats-officedocument.wordprocessingml.document, true",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/zip, true",
            "text/plain, text/csv, true", "application/pdf; charset=binary, application/pdf, true",
            "application/pdf, image/jpeg, false", "application/pdf, application/x-msdownload, false",
            "image/png, application/dicom, false"})
    void declaredAndDetectedTypesAgree(String declared, String detected, boolean agree) {
        assertThat(types.agree(declared, detected)).isEqualTo(agree);
    }
}
