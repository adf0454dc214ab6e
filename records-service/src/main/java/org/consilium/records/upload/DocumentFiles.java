package org.consilium.records.upload;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.consilium.records.RecordsProperties;
import org.consilium.records.dicom.DicomHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The document bytes in GridFS (bucket {@code fs}): streamed in while measured, streamed out in
 * small batches, and discarded completely when an upload fails.
 */
@Component
public class DocumentFiles {
    static final String FILES = "fs.files";
    static final String CHUNKS = "fs.chunks";
    private static final Logger log = LoggerFactory.getLogger(DocumentFiles.class);
    /** A chunk insert still in flight when an upload failed can land after the first sweep. */
    private static final Duration SECOND_SWEEP = Duration.ofSeconds(2);

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;
    private final ContentTypes contentTypes;
    private final RecordsProperties properties;
    private final Clock clock;

    public DocumentFiles(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo, ContentTypes contentTypes,
                         RecordsProperties properties, Clock clock) {
        this.gridFs = gridFs;
        this.mongo = mongo;
        this.contentTypes = contentTypes;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Streams the content into GridFS as file {@code id}, computing size and SHA-256 on the way
     * (never holding the file in memory), then records the measurements in the file's metadata.
     */
    Mono<StoredContent> store(ObjectId id, String filename, String declaredContentType, Document metadata,
                              Flux<DataBuffer> content, long limit) {
        return Mono.defer(() -> {
            StreamFingerprint fingerprint = new StreamFingerprint(limit);
            ReactiveGridFsUpload<ObjectId> upload = ReactiveGridFsUpload.fromPublisher(content.map(fingerprint::take))
                    .id(id).filename(filename).contentType(declaredContentType).metadata(metadata).build();
            return gridFs.store(upload).then(Mono.fromSupplier(() -> {
                byte[] head = fingerprint.head();
                String detected = contentTypes.detect(head, filename);
                // Tika knows DICOM by the same "DICM" at offset 128; the check keeps it so whatever the filename says
                String type = DicomHeader.isDicom(head) ? ContentTypes.DICOM : detected;
                return new StoredContent(fingerprint.size(), fingerprint.sha256Hex(), type,
                        ContentTypes.DICOM.equals(type) ? DicomHeader.study(head).orElse(null) : null);
            }));
        }).flatMap(stored -> mongo.updateFirst(Query.query(where("_id").is(id)), new Update()
                .set("metadata.size", stored.size())
                .set("metadata.sha256", stored.sha256())
                .set("metadata.detectedContentType", stored.detectedContentType())
                .set("metadata.uploadedAt", Date.from(clock.instant())), FILES).thenReturn(stored));
    }

    /** Removes the file and every chunk of it, now and once more shortly after. */
    Mono<Void> discard(ObjectId id) {
        Mono<Void> sweep = mongo.remove(Query.query(where("_id").is(id)), FILES)
                .then(mongo.remove(Query.query(where("files_id").is(id)), CHUNKS))
                .then();
        return sweep.doOnSuccess(done -> sweep.delaySubscription(SECOND_SWEEP)
                .subscribe(null, e -> log.warn("second sweep of discarded file {} failed: {}", id, e.toString())));
    }

    Mono<GridFSFile> find(ObjectId id) {
        return gridFs.findOne(Query.query(where("_id").is(id)));
    }

    /** The file's bytes in buffers of {@code consilium.records.download-buffer-size}, read in batches that small. */
    Mono<Flux<DataBuffer>> open(GridFSFile file) {
        int buffer = (int) properties.downloadBufferSize().toBytes();
        return gridFs.getResource(file).map(resource -> resource.getDownloadStream(buffer));
    }
}
