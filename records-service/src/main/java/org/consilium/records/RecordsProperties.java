package org.consilium.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxDocumentSize    the largest file one upload may store (413 above it)
 * @param downloadBufferSize bytes per buffer streamed back from GridFS; small, because the
 *                           chunks are read in batches of this size (mongo-java-server refuses
 *                           replies over 48 MB)
 * @param checklistRules     where the checklist rule set (YAML) is loaded from
 */
@ConfigurationProperties("consilium.records")
public record RecordsProperties(@DefaultValue("2GB") DataSize maxDocumentSize,
                                @DefaultValue("1MB") DataSize downloadBufferSize,
                                @DefaultValue("classpath:checklist-rules.yaml") String checklistRules) {
}
