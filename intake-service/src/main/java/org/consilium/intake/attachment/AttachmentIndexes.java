package org.consilium.intake.attachment;

import org.consilium.support.store.CollectionIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/** GridFS's files collection has no class of ours: its index by case is declared here (StoreIndexes creates it). */
@Configuration(proxyBeanMethods = false)
public class AttachmentIndexes {

    /** A case's attachments, found to be served or discarded (IntakeAttachments: metadata.caseId). */
    @Bean
    public static CollectionIndex attachmentsByCase() {
        return new CollectionIndex(IntakeAttachments.FILES, new Index().on("metadata.caseId", Sort.Direction.ASC).named("case"));
    }
}
