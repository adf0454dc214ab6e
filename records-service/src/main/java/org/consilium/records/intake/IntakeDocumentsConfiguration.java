package org.consilium.records.intake;

import org.consilium.events.CaseSubmitted;
import org.consilium.events.MessageType;
import org.consilium.records.access.CaseAccessProjections;
import org.consilium.support.inbound.InboundMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.messaging.Message;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Binding {@code caseEvents-in-0}: CaseSubmitted for its documents, and with ConsentChanged for who may
 * see the case ({@code access.CaseAccessProjection}); and the document code mapping.
 */
@Configuration
public class IntakeDocumentsConfiguration {
    static final String DOCUMENT_CODES = "classpath:document-codes.yaml";

    @Bean
    public Consumer<Message<byte[]>> caseEvents(IntakeDocumentImport imports, CaseAccessProjections access) {
        // who may see the case first: its documents may be asked for as soon as they are offered
        return InboundMessages.consumer(event -> access.apply(event).then(event.type() == MessageType.CASE_SUBMITTED
                ? imports.offer(event.payload(CaseSubmitted.class))
                : Mono.empty()));
    }

    @Bean
    public DocumentCodes documentCodes(ResourceLoader resources) {
        try (InputStream yaml = resources.getResource(DOCUMENT_CODES).getInputStream()) {
            return DocumentCodes.read(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DOCUMENT_CODES, e);
        }
    }
}
