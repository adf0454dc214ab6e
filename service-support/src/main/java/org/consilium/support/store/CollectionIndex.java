package org.consilium.support.store;

import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * An index on a collection that no {@code @Document} class maps, e.g. GridFS's {@code fs.files} by a metadata field:
 * declared as a bean, created with the rest at start-up ({@link StoreIndexes}).
 */
public record CollectionIndex(String collection, IndexDefinition index) {
}
