package org.consilium.support.crypto;

import org.bson.Document;
import org.consilium.events.CaseWithdrawn;
import org.consilium.events.Recipient;
import org.consilium.support.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedFieldsTest {
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    record Aggregate(String id, Recipient recipient, List<OutboxEntry> outbox) {
    }

    private final FieldCipher cipher = FieldCipherKeys.load(null, null, true);

    @Test
    void personalFieldsAreStoredSealedAndReadBackWhole() {
        MappingMongoConverter converter = converter(cipher);
        Recipient siti = new Recipient("Siti Rahman", "siti@example.org", "id");
        OutboxEntry entry = OutboxEntry.of(new CaseWithdrawn("case-1", "moved to Surabaya", NOW), NOW);
        Document stored = new Document();

        converter.write(new Aggregate("a1", siti, List.of(entry)), stored);

        String raw = stored.toJson();
        assertThat(raw).doesNotContain("Siti", "siti@example.org", "Surabaya")
                .contains("\"language\": \"id\"", "\"caseId\": \"case-1\"", entry.eventId());
        Aggregate read = converter.read(Aggregate.class, stored);
        assertThat(read.recipient()).isEqualTo(siti);
        assertThat(read.outbox()).containsExactly(entry);
    }

    @Test
    void aValueWrittenBeforeEncryptionReadsAsItWasAndAForeignKeyNeverReadsGarbage() {
        assertThat(cipher.open("plain@example.org", "recipient.email")).isEqualTo("plain@example.org");

        String sealed = cipher.seal("siti@example.org", "recipient.email");
        assertThat(FieldCipher.isSealed(sealed)).isTrue();
        assertThatThrownBy(() -> cipher.open(sealed, "recipient.name"))
                .as("bound to its field").hasMessageContaining("does not open");
        FieldCipher other = FieldCipherKeys.load(null, null, true);
        assertThatThrownBy(() -> other.open(sealed, "recipient.email")).hasMessageContaining("CONSILIUM_DATA_KEYSET");
    }

    @Test
    void aKeysetFromTheEnvironmentSurvivesARestartAndNoKeysetIsAClearRefusal() {
        String keyset = FieldCipherKeys.newKeysetJson();
        String sealed = FieldCipherKeys.load(keyset, null, false).seal("Siti Rahman", "recipient.name");

        assertThat(FieldCipherKeys.load(keyset, null, false).open(sealed, "recipient.name")).isEqualTo("Siti Rahman");
        assertThatThrownBy(() -> FieldCipherKeys.load("", "", false)).hasMessageContaining("CONSILIUM_DATA_KEYSET");
        assertThatThrownBy(() -> FieldCipherKeys.load("{not a keyset", null, false))
                .hasMessageContaining("not a valid Tink AEAD keyset");
    }

    @Test
    void aLocalStackMakesItsKeysetFileOnceOwnerOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("secrets/intake-service-data-keyset.json");
        String sealed = FieldCipherKeys.load(null, file.toString(), true, false).seal("Siti", "recipient.name");

        assertThat(FieldCipherKeys.load(null, file.toString(), true, false).open(sealed, "recipient.name"))
                .as("the second start reads the same key").isEqualTo("Siti");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    private static MappingMongoConverter converter(FieldCipher cipher) {
        MongoCustomConversions conversions = new MongoCustomConversions(SealedFieldConverters.all(cipher));
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
