package org.consilium.records;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * @param maxDocumentSize    the largest file one upload may store (413 above it)
 * @param downloadBufferSize bytes per buffer streamed back from GridFS; small, because the
 *                           chunks are read in batches of this size (mongo-java-server refuses
 *                           replies over 48 MB)
 * @param checklistRules     where the checklist rule set (YAML) is loaded from
 * @param archive            limits for ZIP uploads (and ZIP-based formats), checked before a document is accepted
 * @param resumable          resumable (tus) uploads
 * @param intake             fetching the documents that came with a FHIR intake from intake-service
 * @param uploadLinks        signed upload links for a doctor without an account
 */
@ConfigurationProperties("consilium.records")
public record RecordsProperties(@DefaultValue("2GB") DataSize maxDocumentSize,
                                @DefaultValue("1MB") DataSize downloadBufferSize,
                                @DefaultValue("classpath:checklist-rules.yaml") String checklistRules,
                                @DefaultValue Archive archive,
                                @DefaultValue Resumable resumable,
                                @DefaultValue Intake intake,
                                @DefaultValue UploadLinks uploadLinks) {

    /**
     * @param secret        the HMAC-SHA256 key links are signed with (env {@code RECORDS_LINK_SECRET}); required
     *                      when security is on, never a constant in code
     * @param randomSecret  development only: without a secret, a random one per start (links die with the process)
     * @param pageUrl       the console's upload page as the doctor's browser reaches it: the link's {@code url} is this
     *                      followed by {@code /<token>} (the console relays that page's uploads here with the token)
     * @param defaultExpiry a link's life when the request names none
     * @param maxExpiry     the longest life a link may be given
     */
    public record UploadLinks(String secret,
                              @DefaultValue("false") boolean randomSecret,
                              @DefaultValue("http://localhost:8090/upload") URI pageUrl,
                              @DefaultValue("7d") Duration defaultExpiry,
                              @DefaultValue("30d") Duration maxExpiry) {
    }

    /**
     * @param url          intake-service's base URL (the stack sets {@code INTAKE_URL})
     * @param fetchTimeout longest a fetch may go without a response before it counts as failed
     * @param sweep        how often documents still PENDING are tried again (intake was down, a fetch failed)
     * @param maxAttempts  fetches tried before a document is REJECTED for the coordinator to see
     */
    public record Intake(@DefaultValue("http://localhost:8081") URI url,
                         @DefaultValue("60s") Duration fetchTimeout,
                         @DefaultValue("30s") Duration sweep,
                         @DefaultValue("20") int maxAttempts) {
    }

    /**
     * @param expiry      an unfinished upload with no PATCH for this long is deleted with its chunks
     * @param segmentSize bytes per stored chunk: a PATCH keeps at most about two in memory; what a client
     *                    sent is durable once a whole chunk (or, when the request ends or breaks, the rest) is stored
     * @param cleanup     how often expired uploads are looked for (read by the scheduler from the same key)
     */
    public record Resumable(@DefaultValue("24h") Duration expiry,
                            @DefaultValue("1MB") DataSize segmentSize,
                            @DefaultValue("15m") Duration cleanup) {
    }

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
