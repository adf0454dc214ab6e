package org.consilium.records.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.consilium.records.RecordsProperties;
import org.consilium.records.collection.CaseRecords;
import org.consilium.records.collection.CaseRecordsStore;
import org.consilium.records.collection.RecordDocument;
import org.consilium.support.concurrency.RunsToTheEnd;
import org.consilium.support.input.InvalidInput;
import org.consilium.events.text.PlainText;
import org.consilium.support.problem.DomainProblem;
import org.consilium.support.security.Caller;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import org.springframework.web.server.PayloadTooLargeException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One upload: {@code item} then {@code file}, streamed part by part as the request arrives.
 * Everything that can be checked before storing is (case known and open, item on its checklist,
 * declared length within the limit); the file then streams into GridFS while it is measured,
 * and the document is attached to the case in one aggregate write with its events. Any failure
 * once storing began (too large, client gone, case cancelled meanwhile) discards the file.
 */
@Service
public class DocumentUploads {
    /** Room for multipart boundaries, part headers and the {@code item} field beyond the file itself. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    /** Part events read ahead of the GridFS writer: keeps the request's pooled buffers few. */
    private static final Logger log = LoggerFactory.getLogger(DocumentUploads.class);
    private static final int READ_AHEAD = 8;
    private static final String ITEM = "item";
    private static final String FILE = "file";
    private static final String DOCUMENT_DATE = "documentDate";
    private static final String TRANSLATION_OF = "translationOf";
    /** "Today" where it is latest on Earth: a document dated today anywhere is not in the future. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final CaseRecordsStore cases;
    private final DocumentFiles files;
    private final RecordsProperties properties;
    private final UploadMetrics metrics;
    private final ArchiveInspector archives;
    private final ContentTypes contentTypes;
    private final PdfDates pdfDates;
    private final Clock clock;

    public DocumentUploads(CaseRecordsStore cases, DocumentFiles files, RecordsProperties properties,
                           UploadMetrics metrics, ArchiveInspector archives, ContentTypes contentTypes,
                           PdfDates pdfDates, Clock clock) {
        this.cases = cases;
        this.files = files;
        this.properties = properties;
        this.metrics = metrics;
        this.archives = archives;
        this.contentTypes = contentTypes;
        this.pdfDates = pdfDates;
        this.clock = clock;
    }

    /** @param contentLength the request's declared length, or -1 when it is sent chunked */
    public Mono<RecordDocument> upload(String caseId, Flux<PartEvent> parts, long contentLength) {
        long limit = properties.maxDocumentSize().toBytes();
        return uploader().flatMap(by -> cases.get(caseId)
                .doOnNext(records -> {
                    records.checkOpen();
                    if (contentLength > limit + MULTIPART_OVERHEAD) {
                        throw StreamFingerprint.tooLarge(limit);
                    }
                })
                .flatMap(records -> new Upload(records, limit, by.orElse(null)).run(parts)))
                .doOnNext(metrics::stored)
                .doOnError(DomainProblem.class, problem -> metrics.rejected(problem.slug()));
    }

    /** Who is uploading: the token's user (an upload link's is {@code upload-link:<id>}); none for intake imports. */
    private static Mono<Optional<String>> uploader() {
        return Caller.current().map(caller -> Optional.ofNullable(caller.username())).defaultIfEmpty(Optional.empty());
    }

    /** An ISO date not after today anywhere on Earth; 400 {@code invalid-document-date} otherwise. */
    LocalDate parseDocumentDate(String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw DomainProblem.badRequest("invalid-document-date", "documentDate '" + value
                    + "' is not an ISO date (yyyy-mm-dd): the date the document was produced");
        }
        if (date.isAfter(latestToday())) {
            throw DomainProblem.badRequest("invalid-document-date", "documentDate " + value
                    + " is in the future: give the date the document was produced");
        }
        return date;
    }

    /** Today where it is latest on Earth: no document can be dated after it. */
    private LocalDate latestToday() {
        return LocalDate.now(clock.withZone(EARLIEST_ZONE));
    }

    /**
     * The date a stored PDF's metadata gives, when nobody stated one (a stated date wins anyway, so the
     * file is not read back for nothing); empty for other files.
     */
    private Mono<Optional<LocalDate>> pdfDate(ObjectId fileId, StoredContent stored, LocalDate stated) {
        if (stated != null || !contentTypes.isPdf(stored.detectedContentType())) {
            return Mono.just(Optional.empty());
        }
        return pdfDates.of(fileId, stored.size(), latestToday()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /**
     * The finishing path for content that arrived by another way than a multipart form (a
     * resumable upload whose bytes all arrived, an attachment fetched from intake): the same
     * checks, measuring, archive inspection, duplicate check and aggregate write as a multipart
     * file. The content is streamed into a new GridFS file, which is deleted on any failure.
     *
     * @param expectedSha256 the SHA-256 (hex) the content must have, or {@code null}; a mismatch is a 422
     *                       {@code content-mismatch} and nothing is kept
     */
    public Mono<RecordDocument> finish(String caseId, String item, String filename, String declaredContentType,
                                       LocalDate documentDate, String translationOf, String expectedSha256,
                                       Flux<DataBuffer> content) {
        long limit = properties.maxDocumentSize().toBytes();
        ObjectId fileId = new ObjectId();
        return uploader().flatMap(by -> cases.get(caseId)
                .doOnNext(records -> {
                    records.checkAccepts(item);
                    if (translationOf != null) {
                        records.checkTranslatable(translationOf);
                    }
                })
                .flatMap(records -> {
                    Document metadata = new Document("documentId", fileId.toHexString()).append("caseId", caseId)
                            .append("item", item).append("filename", filename)
                            .append("declaredContentType", declaredContentType);
                    return files.store(fileId, filename, declaredContentType, metadata, content, limit)
                            .doOnNext(stored -> {
                                if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(stored.sha256())) {
                                    throw new DomainProblem(HttpStatus.UNPROCESSABLE_ENTITY, "content-mismatch",
                                            "the content's SHA-256 is " + stored.sha256() + ", not the " + expectedSha256
                                                    + " announced for it: it was altered or cut on the way");
                                }
                            })
                            .flatMap(stored -> (contentTypes.isZipBased(stored.detectedContentType())
                                    ? archives.inspect(fileId, stored.size()) : Mono.<Void>empty()).thenReturn(stored))
                            .flatMap(stored -> pdfDate(fileId, stored, documentDate).flatMap(pdfDate -> {
                                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                                RecordDocument created = new RecordDocument(fileId.toHexString(), caseId, item, filename,
                                        declaredContentType, stored.detectedContentType(), stored.size(), stored.sha256(),
                                        now, documentDate, stored.dicom(),
                                        contentTypes.agree(declaredContentType, stored.detectedContentType()))
                                        .withPdfDate(pdfDate.orElse(null));
                                RecordDocument document = (translationOf == null ? created
                                        : created.asTranslationOf(translationOf)).uploadedBy(by.orElse(null));
                                return cases.change(caseId, r -> r.attach(document, now)).thenReturn(document)
                                        .doOnNext(DocumentUploads::received);
                            }))
                            .onErrorResume(e -> files.discard(fileId).then(Mono.error(e)));
                }))
                .doOnNext(metrics::stored)
                .doOnError(DomainProblem.class, problem -> metrics.rejected(problem.slug()));
    }

    /** The state of one request while its parts stream past. */
    private final class Upload {
        private final CaseRecords records;
        private final long limit;
        private final String uploadedBy;
        private final ObjectId fileId = new ObjectId();
        private String item;
        private String filename;
        private String declaredContentType;
        private LocalDate documentDate;
        private String translationOf;
        private StoredContent stored;
        private LocalDate pdfDate;
        private volatile boolean storing;
        private volatile boolean committing;

        Upload(CaseRecords records, long limit, String uploadedBy) {
            this.records = records;
            this.limit = limit;
            this.uploadedBy = uploadedBy;
        }

        Mono<RecordDocument> run(Flux<PartEvent> parts) {
            return parts.windowUntil(PartEvent::isLast, false, READ_AHEAD)
                    .concatMap(part -> part.switchOnFirst((first, events) -> first.hasValue()
                            ? handle(first.get(), events)
                            : events.then()), 1)
                    .then(Mono.defer(this::inspect))
                    .then(Mono.defer(this::readPdfDate))
                    .then(Mono.defer(this::commit))
                    // a form field over spring.webflux.multipart.max-in-memory-size (the reader reports it as 413)
                    .onErrorMap(e -> e instanceof PayloadTooLargeException || e instanceof DataBufferLimitException,
                            e -> new DomainProblem(HttpStatus.PAYLOAD_TOO_LARGE, "part-too-large", "a form field is limited "
                                    + "to a few KB; a document goes in a file part (one with a filename)"))
                    .onErrorResume(e -> storing ? files.discard(fileId).then(Mono.error(e)) : Mono.error(e))
                    .doOnCancel(() -> {
                        if (storing && !committing) {
                            files.discard(fileId).subscribe();
                        }
                    })
                    .doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()));
        }

        private Mono<Void> handle(PartEvent first, Flux<PartEvent> events) {
            String name = first.name() == null ? "" : first.name();
            return switch (name) {
                case ITEM -> item(first, events);
                case FILE -> file(first, events);
                case DOCUMENT_DATE -> documentDate(first, events);
                case TRANSLATION_OF -> translationOf(first, events);
                default -> drain(events);
            };
        }

        private Mono<Void> item(PartEvent first, Flux<PartEvent> events) {
            if (!(first instanceof FormPartEvent field)) {
                return drain(events).then(Mono.error(badPart("part 'item' must be a form field naming a checklist item")));
            }
            if (item != null) {
                return drain(events).then(Mono.error(badPart("part 'item' appears more than once")));
            }
            String problem = PlainText.problemInLine(field.value());
            if (problem != null) {
                return drain(events).then(Mono.error(InvalidInput.of(ITEM, problem)));
            }
            item = field.value().trim();
            return Mono.fromRunnable(() -> records.checkAccepts(item)).then(drain(events));
        }

        private Mono<Void> documentDate(PartEvent first, Flux<PartEvent> events) {
            if (!(first instanceof FormPartEvent field)) {
                return drain(events).then(Mono.error(badPart("part 'documentDate' must be a form field (an ISO date)")));
            }
            if (documentDate != null) {
                return drain(events).then(Mono.error(badPart("part 'documentDate' appears more than once")));
            }
            String value = field.value().trim();
            // an empty field (a form's unfilled date input) means "not stated"
            return drain(events).then(Mono.fromRunnable(() -> documentDate = value.isEmpty() ? null
                    : parseDocumentDate(InvalidInput.checkLine(DOCUMENT_DATE, value))));
        }

        private Mono<Void> translationOf(PartEvent first, Flux<PartEvent> events) {
            if (!(first instanceof FormPartEvent field)) {
                return drain(events).then(Mono.error(badPart("part 'translationOf' must be a form field (a document id)")));
            }
            if (translationOf != null) {
                return drain(events).then(Mono.error(badPart("part 'translationOf' appears more than once")));
            }
            String value = field.value().trim();
            // checked against the case as loaded (before any byte is stored) and again when attaching
            return drain(events).then(Mono.fromRunnable(() -> {
                if (!InvalidInput.checkLine(TRANSLATION_OF, value).isEmpty()) {
                    records.checkTranslatable(value);
                    translationOf = value;
                }
            }));
        }

        private Mono<Void> file(PartEvent first, Flux<PartEvent> events) {
            if (item == null) {
                return Mono.error(missingPart("part 'item' is missing: it names the checklist item and must come before part 'file'"));
            }
            if (!(first instanceof FilePartEvent file)) {
                return Mono.error(badPart("part 'file' must be a file (a part with a filename)"));
            }
            if (storing) {
                return Mono.error(badPart("one file per upload: part 'file' appears more than once"));
            }
            // refused, not cleaned: "report\u202Efdp.exe" would be shown as "reportexe.pdf" to whoever downloads it
            String problem = PlainText.problemInLine(file.filename());
            if (problem != null) {
                return Mono.error(InvalidInput.of(FILE, "the file name " + problem));
            }
            filename = FileNames.sanitise(file.filename());
            MediaType declared = file.headers().getContentType();
            declaredContentType = declared == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : declared.toString();
            Document metadata = new Document("documentId", fileId.toHexString()).append("caseId", records.caseId())
                    .append("item", item).append("filename", filename).append("declaredContentType", declaredContentType);
            Flux<DataBuffer> content = events.map(PartEvent::content).filter(DocumentUploads::nonEmptyOrRelease);
            // Store only once a first byte arrived: an empty file is refused without touching GridFS.
            return content.switchOnFirst((signal, all) -> {
                if (signal.hasValue()) {
                    storing = true;
                    return files.store(fileId, filename, declaredContentType, metadata, all, limit)
                            .doOnNext(measured -> stored = measured);
                }
                if (signal.isOnComplete()) {
                    return Mono.error(DomainProblem.badRequest("empty-file", "the file '" + filename + "' is empty"));
                }
                return all.then(Mono.empty());
            }).then();
        }

        /** A ZIP (or ZIP-based) file is checked for bombs, traversal and entry count before it is accepted. */
        private Mono<Void> inspect() {
            return stored != null && contentTypes.isZipBased(stored.detectedContentType())
                    ? archives.inspect(fileId, stored.size())
                    : Mono.empty();
        }

        private Mono<Void> readPdfDate() {
            return stored == null ? Mono.empty()
                    : pdfDate(fileId, stored, documentDate).doOnNext(date -> pdfDate = date.orElse(null)).then();
        }

        private Mono<RecordDocument> commit() {
            if (item == null) {
                return Mono.error(missingPart("part 'item' is missing: it names the checklist item"));
            }
            if (stored == null) {
                return Mono.error(missingPart("part 'file' is missing"));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB stores it
            RecordDocument created = new RecordDocument(fileId.toHexString(), records.caseId(), item, filename,
                    declaredContentType, stored.detectedContentType(), stored.size(), stored.sha256(), now, documentDate,
                    stored.dicom(), contentTypes.agree(declaredContentType, stored.detectedContentType()))
                    .withPdfDate(pdfDate);
            RecordDocument document = (translationOf == null ? created : created.asTranslationOf(translationOf))
                    .uploadedBy(uploadedBy);
            committing = true;
            // Not cancellable: once the aggregate write is under way it completes, or it fails and the file goes.
            Mono<RecordDocument> attach = cases.change(records.caseId(), r -> r.attach(document, now))
                    .thenReturn(document)
                    .doOnNext(DocumentUploads::received)
                    .onErrorResume(e -> files.discard(fileId).then(Mono.error(e)));
            return RunsToTheEnd.of(attach);
        }
    }

    /** Ops follow a case by its id and trace through every service's log: what came, never its name or content. */
    private static void received(RecordDocument document) {
        log.info("case {}: document {} received for {} ({} bytes, {})", document.caseId(), document.id(), document.item(),
                document.size(), document.detectedContentType());
    }

    private static Mono<Void> drain(Flux<PartEvent> events) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
    }

    private static boolean nonEmptyOrRelease(DataBuffer buffer) {
        if (buffer.readableByteCount() > 0) {
            return true;
        }
        DataBufferUtils.release(buffer);
        return false;
    }

    private static DomainProblem missingPart(String detail) {
        return DomainProblem.badRequest("missing-part", detail);
    }

    private static DomainProblem badPart(String detail) {
        return DomainProblem.badRequest("bad-part", detail);
    }
}
