package org.consilium.records.upload;

import org.bson.types.ObjectId;
import org.consilium.records.RecordsProperties;
import org.consilium.support.problem.DomainProblem;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Checks a stored ZIP (or ZIP-based) upload before it is accepted: it streams the file back from
 * GridFS through {@link ZipInputStream}, expanding every entry into a small reused buffer (never to
 * disk, never whole in memory) and counting. Refused, with a 422 problem: more entries than
 * allowed, an entry name that escapes the extraction directory ({@code ..} segments, absolute or
 * drive paths), more expanded bytes than allowed, or a compression ratio that marks a zip bomb.
 * It stops at the first problem, so a bomb is never expanded past the limits. Entries are read
 * as a streaming extractor sees them (local headers); nested archives are not opened.
 */
@Component
public class ArchiveInspector {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int BUFFER = 64 * 1024;

    private final DocumentFiles files;
    private final RecordsProperties properties;

    public ArchiveInspector(DocumentFiles files, RecordsProperties properties) {
        this.files = files;
        this.properties = properties;
    }

    /** Completes empty when the stored archive {@code id} of {@code size} bytes is safe; errors with the problem if not. */
    Mono<Void> inspect(ObjectId id, long size) {
        return files.find(id)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("stored archive " + id + " is missing")))
                .flatMap(files::open)
                .flatMap(content -> Mono.fromCallable(() -> {
                    try (InputStream in = DataBufferUtils.subscriberInputStream(content, 4)) {
                        check(in, size, properties.archive());
                    }
                    return Boolean.TRUE;
                }).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    /** The checks themselves, over any stream of ZIP bytes; package-visible for tests. */
    static void check(InputStream archive, long archiveSize, RecordsProperties.Archive limits) throws IOException {
        long maxExpanded = limits.maxUncompressedSize().toBytes();
        long ratioFloor = limits.ratioFloor().toBytes();
        byte[] buffer = new byte[BUFFER];
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw problem("archive-too-many-entries", "the archive has more than " + limits.maxEntries()
                            + " entries");
                }
                checkName(entry.getName());
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    expanded += n;
                    if (expanded > maxExpanded) {
                        throw problem("archive-too-large", "the archive expands to more than " + maxExpanded
                                + " bytes");
                    }
                    if (expanded > ratioFloor && expanded > (long) limits.maxCompressionRatio() * archiveSize) {
                        throw problem("archive-compression-ratio", "the archive expands more than "
                                + limits.maxCompressionRatio() + " times its size (" + archiveSize
                                + " bytes): refused as a zip bomb");
                    }
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            throw problem("archive-unreadable", "the file looks like a ZIP archive but cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void checkName(String name) {
        String path = name.replace('\\', '/');
        boolean escapes = path.startsWith("/") || DRIVE.matcher(path).matches() || path.indexOf('\0') >= 0;
        for (String segment : path.split("/")) {
            escapes |= segment.equals("..");
        }
        if (escapes) {
            throw problem("archive-path-traversal", "the archive entry '" + name.replace("\0", "\\0")
                    + "' would be written outside the folder it is extracted to");
        }
    }

    private static DomainProblem problem(String slug, String detail) {
        return new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, slug, detail);
    }
}
