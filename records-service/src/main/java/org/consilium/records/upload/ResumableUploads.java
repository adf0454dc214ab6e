package org.consilium.records.upload;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.consilium.records.RecordsProperties;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.collection.RecordDocument;
import org.consilium.support.concurrency.RunsToTheEnd;
import org.consilium.support.problem.DomainProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Resumable uploads (tus 1.0 core and creation): an upload is created with its length and
 * metadata (checked like a multipart upload before a byte is accepted), then receives its bytes
 * in any number of PATCH requests, each appending at the stored offset.
 * <p>
 * A PATCH streams its body into chunk documents ({@link #CHUNKS}) of
 * {@code consilium.records.resumable.segment-size}: each chunk is inserted and then the upload's
 * offset advanced in one guarded write ({@code offset} and {@code segments} must still be what this
 * PATCH started from, so two PATCHes cannot interleave). When the request body ends or breaks
 * (client gone), the bytes received since the last whole chunk are stored too: the offset is
 * always the bytes durably stored. When the offset reaches the length, the chunks are streamed in
 * order, one at a time, through the multipart path's finishing steps ({@link DocumentUploads#finish})
 * and deleted. Memory per PATCH: about two chunks, whatever the file size.
 */
@Service
public class ResumableUploads {
    static final String CHUNKS = "resumableChunks";
    private static final Logger log = LoggerFactory.getLogger(ResumableUploads.class);

    private final ReactiveMongoTemplate mongo;
    private final CaseRecordsStore cases;
    private final DocumentUploads uploads;
    private final RecordsProperties properties;
    private final Clock clock;

    public ResumableUploads(ReactiveMongoTemplate mongo, CaseRecordsStore cases, DocumentUploads uploads,
                            RecordsProperties properties, Clock clock) {
        this.mongo = mongo;
        this.cases = cases;
        this.uploads = uploads;
        this.properties = properties;
        this.clock = clock;
    }

    /** The result of a PATCH: the offset now stored, and the document once the upload completed. */
    public record Progress(long offset, long length, RecordDocument document) {
    }

    long maxSize() {
        return properties.maxDocumentSize().toBytes();
    }

    /** Creates an upload after checking the case, the item, the date and the length as a multipart upload would. */
    public Mono<ResumableUpload> create(String caseId, String uploadLength, String metadataHeader) {
        return Mono.defer(() -> {
            long length = length(uploadLength);
            Map<String, String> metadata = UploadMetadata.parse(metadataHeader);
            String item = required(metadata, "item");
            String filename = FileNames.sanitise(required(metadata, "filename"));
            String date = metadata.getOrDefault("documentDate", "").trim();
            LocalDate documentDate = date.isEmpty() ? null : uploads.parseDocumentDate(date);
            String declared = contentType(metadata.get("contentType"));
            String translationOf = blankToNull(metadata.get("translationOf"));
            return cases.get(caseId).flatMap(records -> {
                records.checkAccepts(item);
                if (translationOf != null) {
                    records.checkTranslatable(translationOf);
                }
                if (length == 0) {
                    throw DomainProblem.badRequest("empty-file", "the file '" + filename + "' is empty");
                }
                if (length > maxSize()) {
                    throw StreamFingerprint.tooLarge(maxSize());
                }
                Instant now = now();
                return mongo.insert(new ResumableUpload(new ObjectId().toHexString(), caseId, item, filename, declared,
                        documentDate, translationOf, length, 0, 0, now, now.plus(properties.resumable().expiry())));
            });
        });
    }

    /** The upload of this case, or 404. */
    public Mono<ResumableUpload> get(String caseId, String uploadId) {
        return mongo.findById(uploadId, ResumableUpload.class)
                .filter(upload -> upload.caseId().equals(caseId))
                .switchIfEmpty(Mono.error(() -> DomainProblem.notFound("upload", uploadId + " of case " + caseId)));
    }

    /**
     * Appends a PATCH body at {@code offset}: 409 {@code offset-mismatch} unless it is the stored
     * offset; 400 {@code upload-length-exceeded} for bytes beyond the declared length.
     */
    public Mono<Progress> append(String caseId, String uploadId, long offset, long contentLength, Flux<DataBuffer> body) {
        return get(caseId, uploadId).flatMap(upload -> {
            if (upload.offset() != offset) {
                return Mono.error(DomainProblem.conflict("offset-mismatch", "Upload-Offset " + offset
                        + " is not the stored offset " + upload.offset() + ": ask with HEAD and resume from there"));
            }
            long remaining = upload.length() - upload.offset();
            if (contentLength > remaining) {
                return Mono.error(exceeded(upload));
            }
            return cases.get(caseId)
                    .doOnNext(records -> records.checkAccepts(upload.item()))
                    .onErrorResume(DomainProblem.class, problem -> problem.status() == HttpStatus.CONFLICT
                            ? delete(upload).then(Mono.error(problem)) : Mono.error(problem))
                    .then(removeOrphans(upload))
                    .then(new Patch(upload).run(body))
                    .flatMap(stored -> stored.offset() == stored.length() ? complete(stored) : Mono.just(
                            new Progress(stored.offset(), stored.length(), null)));
        });
    }

    /** Aborts an upload (tus termination): its chunks and its record go. */
    public Mono<Void> abort(String caseId, String uploadId) {
        return get(caseId, uploadId).flatMap(this::delete);
    }

    /** Deletes every upload whose expiry passed by {@code now}, with its chunks; the number deleted. */
    public Mono<Long> expire(Instant now) {
        Query expired = Query.query(where("expiresAt").lt(now));
        return mongo.find(expired, ResumableUpload.class)
                .concatMap(upload -> deleteAll(upload).thenReturn(upload.id())
                        .doOnNext(id -> log.info("resumable upload {} of case {} expired at {} with {} of {} bytes",
                                id, upload.caseId(), upload.expiresAt(), upload.offset(), upload.length())))
                .count();
    }

    /** Deletes the upload's chunks by id (0 to {@code segments}, which covers one cut-off write) and the upload. */
    private Mono<Void> delete(ResumableUpload upload) {
        return Flux.range(0, upload.segments() + 1)
                .concatMap(seq -> mongo.remove(Query.query(where("_id").is(chunkId(upload.id(), seq))), CHUNKS), 4)
                .then(mongo.remove(Query.query(where("_id").is(upload.id())), ResumableUpload.class))
                .then();
    }

    /** For expiry: every chunk naming the upload, whatever its number, then the upload. */
    private Mono<Void> deleteAll(ResumableUpload upload) {
        return delete(upload)
                .then(mongo.remove(Query.query(where("uploadId").is(upload.id())), CHUNKS))
                .then();
    }

    /** A chunk inserted by a PATCH cut off before it advanced the offset: not part of the upload. */
    private Mono<Void> removeOrphans(ResumableUpload upload) {
        return mongo.remove(Query.query(where("_id").is(chunkId(upload.id(), upload.segments()))), CHUNKS).then();
    }

    /** Every byte arrived: the chunks in order through the finishing path, then the chunks go whatever happened. */
    private Mono<Progress> complete(ResumableUpload upload) {
        Flux<DataBuffer> content = Flux.range(0, upload.segments())
                .concatMap(seq -> mongo.findById(chunkId(upload.id(), seq), Document.class, CHUNKS)
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("chunk " + seq + " of upload "
                                + upload.id() + " is missing")))
                        .map(chunk -> DefaultDataBufferFactory.sharedInstance.wrap(chunk.get("data", Binary.class).getData())), 1);
        Mono<Progress> finish = uploads.finish(upload.caseId(), upload.item(), upload.filename(), upload.contentType(),
                        upload.documentDate(), upload.translationOf(), null, content)
                .map(document -> new Progress(upload.length(), upload.length(), document))
                .flatMap(progress -> delete(upload).thenReturn(progress))
                .onErrorResume(e -> delete(upload).then(Mono.error(e)));
        // once every byte is stored, finishing is not cancelled by a client that went away; the request's context
        // (who is uploading: the document's uploadedBy; its trace) goes along
        return RunsToTheEnd.of(finish);
    }

    /** One PATCH request streaming in. Not thread-safe: a reactive stream delivers one buffer at a time. */
    private final class Patch {
        private final int segmentSize = (int) properties.resumable().segmentSize().toBytes();
        private final String uploadId;
        /** Marks this PATCH's chunks, so that it only ever removes its own. */
        private final String token = new ObjectId().toHexString();
        private final long length;
        private final long startOffset;
        private long offset;
        private int segments;
        private long received;
        private byte[] current;
        private int filled;
        private Throwable failure;

        Patch(ResumableUpload upload) {
            this.uploadId = upload.id();
            this.length = upload.length();
            this.offset = upload.offset();
            this.startOffset = upload.offset();
            this.segments = upload.segments();
        }

        Mono<ResumableUpload> run(Flux<DataBuffer> body) {
            return body.concatMapIterable(this::take)
                    .concatWith(Mono.fromSupplier(this::rest))
                    .onErrorResume(e -> {
                        failure = e; // the client went away or sent too much: keep what arrived
                        return Mono.justOrEmpty(rest());
                    })
                    .concatMap(this::write, 1)
                    .then(Mono.defer(() -> failure != null ? Mono.error(failure)
                            : mongo.findById(uploadId, ResumableUpload.class)))
                    .doOnDiscard(DataBuffer.class, DataBufferUtils::release);
        }

        /** Copies the buffer into chunk-sized arrays and releases it; the chunks that filled up. */
        private List<byte[]> take(DataBuffer buffer) {
            List<byte[]> full = new ArrayList<>(1);
            try {
                int readable = buffer.readableByteCount();
                if (received + readable > length - startOffset) {
                    throw exceeded(length);
                }
                received += readable;
                while (buffer.readableByteCount() > 0) {
                    if (current == null) {
                        current = new byte[segmentSize];
                    }
                    int n = Math.min(buffer.readableByteCount(), segmentSize - filled);
                    buffer.read(current, filled, n);
                    filled += n;
                    if (filled == segmentSize) {
                        full.add(current);
                        current = null;
                        filled = 0;
                    }
                }
            } finally {
                DataBufferUtils.release(buffer);
            }
            return full;
        }

        private byte[] rest() {
            if (filled == 0) {
                return null;
            }
            byte[] rest = Arrays.copyOf(current, filled);
            current = null;
            filled = 0;
            return rest;
        }

        /** Inserts the chunk, then advances the offset if nobody else did; not cancelled once started. */
        private Mono<Void> write(byte[] chunk) {
            int seq = segments;
            long from = offset;
            Document document = new Document("_id", chunkId(uploadId, seq)).append("uploadId", uploadId)
                    .append("seq", seq).append("offset", from).append("size", chunk.length).append("patch", token)
                    .append("data", new Binary(chunk));
            Instant now = now();
            Mono<Void> write = mongo.insert(document, CHUNKS)
                    .then(mongo.updateFirst(Query.query(where("_id").is(uploadId).and("offset").is(from).and("segments").is(seq)),
                            new Update().inc("offset", chunk.length).inc("segments", 1)
                                    .set("expiresAt", now.plus(properties.resumable().expiry())), ResumableUpload.class))
                    .flatMap(result -> {
                        if (result.getMatchedCount() == 1) {
                            offset = from + chunk.length;
                            segments = seq + 1;
                            return Mono.<Void>empty();
                        }
                        return mongo.remove(Query.query(where("_id").is(chunkId(uploadId, seq)).and("patch").is(token)), CHUNKS)
                                .then(Mono.error(busy()));
                    })
                    // another PATCH stored this chunk number first
                    .onErrorMap(DuplicateKeyException.class, e -> busy());
            return RunsToTheEnd.of(write);
        }
    }

    private static DomainProblem busy() {
        return DomainProblem.conflict("upload-busy", "the upload was changed by another request (or deleted) while this "
                + "one was writing: ask with HEAD for the offset and resume from there");
    }

    private static String chunkId(String uploadId, int seq) {
        return uploadId + ":" + seq;
    }

    private static DomainProblem exceeded(ResumableUpload upload) {
        return exceeded(upload.length());
    }

    private static DomainProblem exceeded(long length) {
        return DomainProblem.badRequest("upload-length-exceeded", "the upload was declared with Upload-Length "
                + length + "; these bytes would go beyond it");
    }

    private static long length(String header) {
        if (header == null || header.isBlank()) {
            throw DomainProblem.badRequest("invalid-upload-length", "Upload-Length is required (deferred lengths are not supported)");
        }
        try {
            long length = Long.parseLong(header.trim());
            if (length < 0) {
                throw new NumberFormatException();
            }
            return length;
        } catch (NumberFormatException e) {
            throw DomainProblem.badRequest("invalid-upload-length", "Upload-Length '" + header + "' is not a non-negative integer");
        }
    }

    private static String required(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null || value.isBlank()) {
            throw DomainProblem.badRequest("missing-metadata", "Upload-Metadata must give '" + key
                    + "' (base64): item names the checklist item, filename the file's name");
        }
        return value.trim();
    }

    private static String contentType(String value) {
        if (value == null || value.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            return MediaType.parseMediaType(value.trim()).toString();
        } catch (RuntimeException e) {
            throw DomainProblem.badRequest("bad-upload-metadata", "Upload-Metadata: contentType '" + value
                    + "' is not a media type");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
