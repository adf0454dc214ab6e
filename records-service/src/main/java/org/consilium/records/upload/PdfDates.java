package org.consilium.records.upload;

import org.bson.types.ObjectId;
import org.consilium.records.pdf.PdfMetadataDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;

/**
 * Dates a stored PDF by its own metadata ({@link PdfMetadataDate}). PDFBox needs random access (the
 * document information is found through the cross-reference table at the end of the file), so the
 * file is copied from GridFS to a temporary file only its owner may read, read, and deleted;
 * never held in memory.
 */
@Component
public class PdfDates {
    /**
     * Larger PDFs are not read: copying them costs more than the date is worth, and scanned reports are far
     * smaller. Their upload date counts, as before.
     */
    static final DataSize MAX_READ = DataSize.ofMegabytes(256);
    private static final Logger log = LoggerFactory.getLogger(PdfDates.class);

    private final DocumentFiles files;

    public PdfDates(DocumentFiles files) {
        this.files = files;
    }

    /**
     * The date the stored PDF {@code id} of {@code size} bytes gives itself, not after {@code latest};
     * empty when it gives none. Never an error: a PDF whose date cannot be read is still stored, undated.
     */
    Mono<LocalDate> of(ObjectId id, long size, LocalDate latest) {
        if (size > MAX_READ.toBytes()) {
            return Mono.empty();
        }
        return files.find(id)
                .flatMap(files::open)
                .flatMap(content -> Mono.fromCallable(() -> {
                    Path copy = Files.createTempFile("consilium-pdf-", ".pdf");
                    try {
                        try (InputStream in = DataBufferUtils.subscriberInputStream(content, 4)) {
                            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                        }
                        return PdfMetadataDate.read(copy.toFile(), latest).orElse(null);
                    } finally {
                        Files.deleteIfExists(copy);
                    }
                }).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> {
                    // the upload itself succeeded; without the date it counts from the upload date, as before
                    log.warn("could not read the metadata date of stored PDF {}: {}", id, e.toString());
                    return Mono.empty();
                });
    }
}
