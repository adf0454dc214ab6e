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
 * @param archive            limits for ZIP uploads (and ZIP-based formats), checked before a document is accepted
 */
@ConfigurationProperties("consilium.records")
public record RecordsProperties(@DefaultValue("2GB") DataSize maxDocumentSize,
                                @DefaultValue("1MB") DataSize downloadBufferSize,
                                @DefaultValue("classpath:checklist-rules.yaml") String checklistRules,
                                @DefaultValue Archive archive) {

    /**
     * @param maxEntries          more entries than this: refused
     * @param maxUncompressedSize the entries together may expand to at most this
     * @param maxCompressionRatio uncompressed bytes per stored byte, checked once more than
     *                            {@code ratioFloor} expanded (small, very compressible archives are fine)
     * @param ratioFloor          how much may expand before the ratio is checked
     */
    public record Archive(@DefaultValue("10000") int maxEntries,
                          @DefaultValue("1GB") DataSize maxUncompressedSize,
                          @DefaultValue("100") int maxCompressionRatio,
                          @DefaultValue("1MB") DataSize ratioFloor) {
    }
}
