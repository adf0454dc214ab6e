package org.consilium.intake.attachment;

import com.mongodb.client.gridfs.model.GridFSFile;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.consilium.support.problem.DomainProblem;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsUpload;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The content of attachments that came inline with an intake, in GridFS (bucket {@code fs}),
 * until records-service fetches it (ADR 7). It is stored before the case, so that a
 * {@code CaseSubmitted} naming an attachment never reaches records-service ahead of its bytes,
 * and discarded again when the case is not opened after all.
 */
@Component
public class IntakeAttachments {
    static final String FILES = "fs.files";
    static final String CHUNKS = "fs.chunks";
    private static final int CHUNK = 256 * 1024;

    private final ReactiveGridFsTemplate gridFs;
    private final ReactiveMongoTemplate mongo;

    public IntakeAttachments(ReactiveGridFsTemplate gridFs, ReactiveMongoTemplate mongo) {
        this.gridFs = gridFs;
        this.mongo = mongo;
    }

    /** One attachment: its bytes as received, what the sender said it is, and a file name to keep. */
    public record Content(byte[] bytes, String contentType, String filename) {
    }

    /** Stores every attachment of a case; a failure part-way leaves nothing of the case behind. */
    public Mono<Void> store(String caseId, Map<String, Content> attachments) {
        return Flux.fromIterable(attachments.entrySet())
                .concatMap(e -> store(caseId, new ObjectId(e.getKey()), e.getValue()))
                .then()
                .onErrorResume(e -> discard(caseId).then(Mono.error(e)));
    }

    private Mono<ObjectId> store(String caseId, ObjectId id, Content content) {
        Flux<DataBuffer> chunks = Flux.range(0, (content.bytes().length + CHUNK - 1) / CHUNK)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(ByteBuffer.wrap(content.bytes(), i * CHUNK,
                        Math.min(CHUNK, content.bytes().length - i * CHUNK))));
        return gridFs.store(ReactiveGridFsUpload.fromPublisher(chunks).id(id).filename(content.filename())
                .contentType(content.contentType())
                .metadata(new Document("caseId", caseId).append("contentType", content.contentType()))
                .build());
    }

    /** Removes every attachment stored for the case (the case was not opened, or is being erased). */
    public Mono<Void> discard(String caseId) {
        return mongo.find(Query.query(where("metadata.caseId").is(caseId)), Document.class, FILES)
                .map(file -> file.getObjectId("_id"))
                .concatMap(id -> mongo.remove(Query.query(where("files_id").is(id)), CHUNKS)
                        .then(mongo.remove(Query.query(where("_id").is(id)), FILES)))
                .then();
    }

    /** The attachment's stored file, if it belongs to the case; a 404 problem otherwise. */
    public Mono<GridFSFile> find(String caseId, String attachmentId) {
        Mono<GridFSFile> file = ObjectId.isValid(attachmentId)
                ? gridFs.findOne(Query.query(where("_id").is(new ObjectId(attachmentId)).and("metadata.caseId").is(caseId)))
                : Mono.empty();
        return file.switchIfEmpty(Mono.error(() -> DomainProblem.notFound("attachment", attachmentId + " of case " + caseId)));
    }

    public Flux<DataBuffer> read(GridFSFile file) {
        return gridFs.getResource(file).flatMapMany(resource -> resource.getDownloadStream(CHUNK));
    }
}
