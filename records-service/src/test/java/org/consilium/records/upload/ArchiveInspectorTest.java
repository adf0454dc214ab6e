package org.consilium.records.upload;

import org.consilium.records.RecordsProperties;
import org.consilium.support.problem.DomainProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArchiveInspectorTest {
    private static final RecordsProperties.Archive LIMITS = new RecordsProperties.Archive(10, DataSize.ofMegabytes(1),
            100, DataSize.ofKilobytes(64));

    private static byte[] zipWith(String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"report.pdf", "series/IM0001", "notes..txt", "..hidden", "a/./b", "dir/", "x..y/z"})
    void namesThatStayInsideTheFolderPass(String name) throws IOException {
        byte[] zip = zipWith(name);
        assertThatCode(() -> ArchiveInspector.check(new ByteArrayInputStream(zip), zip.length, LIMITS)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "a/..", "/x", "\\x", "C:/x", "c:x", "a\\..\\..\\x"})
    void namesThatEscapeAreRefused(String name) throws IOException {
        byte[] zip = zipWith(name);
        assertThatThrownBy(() -> ArchiveInspector.check(new ByteArrayInputStream(zip), zip.length, LIMITS))
                .isInstanceOfSatisfying(DomainProblem.class, p -> org.assertj.core.api.Assertions.assertThat(p.slug())
                        .isEqualTo("archive-path-traversal"));
    }
}
