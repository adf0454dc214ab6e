package org.consilium.records.upload;

import org.consilium.support.store.CollectionIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;

/** The resumable uploads' chunks are plain documents, no class of ours: their index is declared here (StoreIndexes). */
@Configuration(proxyBeanMethods = false)
public class ResumableChunkIndexes {

    /** An upload's chunks, removed together when it expires or is cancelled (ResumableUploads: uploadId). */
    @Bean
    public static CollectionIndex chunksByUpload() {
        return new CollectionIndex(ResumableUploads.CHUNKS, new Index().on("uploadId", Sort.Direction.ASC).named("upload"));
    }
}
