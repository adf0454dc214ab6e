package org.consilium.records.intake;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Tries again what is still PENDING: a fetch that failed (intake-service restarting), or an
 * import that this instance was stopped in the middle of. Nothing is lost in between: the
 * offered documents are stored before any fetch.
 */
@Component
public class IntakeImportSweep {
    private static final Logger log = LoggerFactory.getLogger(IntakeImportSweep.class);
    private final ReactiveMongoTemplate mongo;
    private final IntakeDocumentImport imports;

    public IntakeImportSweep(ReactiveMongoTemplate mongo, IntakeDocumentImport imports) {
        this.mongo = mongo;
        this.imports = imports;
    }

    @Scheduled(initialDelayString = "${consilium.records.intake.sweep:30s}",
            fixedDelayString = "${consilium.records.intake.sweep:30s}")
    public void sweep() {
        Query pending = Query.query(where("documents.state").is(OfferedDocument.ImportState.PENDING.name()));
        pending.fields().include("_id");
        Long cases = mongo.find(pending, Document.class, IntakeDocuments.COLLECTION)
                .concatMap(d -> imports.importPending(d.getString("_id")).thenReturn(1))
                .count().block(Duration.ofMinutes(10));
        if (cases != null && cases > 0) {
            log.debug("intake import sweep: {} case(s) with pending documents", cases);
        }
    }
}
