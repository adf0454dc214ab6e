package org.consilium.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.consilium.events.Json;
import org.consilium.events.MessageType;
import org.consilium.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.json is what the code says (issue 15): a new message, topic or payload field that is not in the
 * checked-in document fails the build. Regenerate after a change with
 * {@code mvn -B -q -o -pl events test -Dtest=AsyncApiDocumentTest -Dconsilium.asyncapi.write=true} and commit the file.
 */
class AsyncApiDocumentTest {
    private static final Path FILE = Path.of("..", "docs", "asyncapi.json");

    @Test
    void theCheckedInDocumentIsTheOneTheCodeMakes() throws IOException {
        String generated = AsyncApiDocument.json();
        if (Boolean.getBoolean("consilium.asyncapi.write")) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("docs/asyncapi.json is stale: regenerate it (this class's comment says how)").isEqualTo(generated);
    }

    @Test
    void everyTopicIsAChannelAndEveryMessageIsOnItsTopics() throws IOException {
        JsonNode document = Json.MAPPER.readTree(AsyncApiDocument.json());
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        for (String topic : Topics.ALL) {
            assertThat(document.path("channels").path(AsyncApiDocument.channelId(topic)).path("address").asText())
                    .isEqualTo(topic);
        }
        for (MessageType type : MessageType.values()) {
            JsonNode message = document.path("components").path("messages").path(type.messageName());
            assertThat(message.path("headers").path("properties").path("ce_type").path("const").asText())
                    .isEqualTo(type.ceType());
            for (String topic : type.topics()) {
                assertThat(document.path("channels").path(AsyncApiDocument.channelId(topic)).path("messages")
                        .path(type.messageName()).path("$ref").asText())
                        .isEqualTo("#/components/messages/" + type.messageName());
            }
        }
        JsonNode submitted = document.path("components").path("schemas").path("CaseSubmitted");
        assertThat(submitted.path("required").toString()).as("@Required parts").contains("cancerType");
    }
}
