package org.consilium.records.upload;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.index.CompoundIndex;

/**
 * An unfinished resumable (tus) upload: what the client declared when it created it, and how far
 * it got. {@code offset} counts the bytes durably stored, in {@code segments} chunk documents of
 * {@link ResumableUploads#CHUNKS} numbered from 0. Deleted with its chunks when the upload
 * completes (the bytes then live in GridFS as the document), is aborted, or expires.
 */
@Document(ResumableUpload.COLLECTION)
// the sweep of idle unfinished uploads (ResumableUploads: expiresAt < now)
@CompoundIndex(name = "expires", def = "{'expiresAt': 1}")
record ResumableUpload(@Id String id, String caseId, String item, String filename, String contentType,
                       LocalDate documentDate, String translationOf, long length, long offset, int segments,
                       Instant createdAt, Instant expiresAt) {
    static final String COLLECTION = "resumableUploads";
}
