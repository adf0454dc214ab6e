package org.consilium.bpmn.inbox;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12: what the coordinator reads in "Resolve a failed step" of a service's dead letter. The Kafka binder's
 * headers name Spring's wrapper and prefix its message with the handler's object name; the reason names the
 * consumer's own exception and its message only.
 */
class DeadLetterReasonTest {

    @Test
    void theBindersWrapperGivesWayToTheConsumersOwnException() {
        MessageHeaders headers = new MessageHeaders(Map.of(
                "x-exception-fqcn", bytes("org.springframework.messaging.MessageHandlingException"),
                "x-exception-message", bytes("error occurred in message handler [org.springframework.cloud.stream.function."
                        + "FunctionConfiguration$FunctionToDestinationBinder$1@37662f2f]; unknown ce_type org.consilium.case.X.v1"),
                "x-exception-stacktrace", bytes("""
                        org.springframework.messaging.MessageHandlingException: error occurred in message handler [...]
                        \tat org.springframework.integration.handler.AbstractMessageHandler.handleMessage(AbstractMessageHandler.java:58)
                        Caused by: org.consilium.events.UnreadableMessageException: unknown ce_type org.consilium.case.X.v1
                        \tat org.consilium.events.CloudEventCodec.read(CloudEventCodec.java:53)
                        Caused by: java.lang.IllegalStateException: deeper
                        """)));

        assertThat(DeadLetterIntake.reason(headers))
                .isEqualTo("dead-lettered after its retries: UnreadableMessageException: unknown ce_type org.consilium.case.X.v1");
    }

    @Test
    void anExceptionNamedAsItIsStaysAsItIs() {
        MessageHeaders headers = new MessageHeaders(Map.of(
                "kafka_dlt-exception-fqcn", bytes("org.springframework.mail.MailSendException"),
                "kafka_dlt-exception-message", bytes("Mail server connection failed\nsecond line")));

        assertThat(DeadLetterIntake.reason(headers)).isEqualTo("dead-lettered after its retries: MailSendException: "
                + "Mail server connection failed");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
