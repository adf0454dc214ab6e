package org.consilium.notification.bounce;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.consilium.notification.delivery.ReportBounce;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryStatusNotificationTest {

    @Test
    void aPermanentFailureWithReturnedHeadersIsABounceOfThatMessageId() throws Exception {
        assertThat(DeliveryStatusNotification.bounce(roundTrip(Dsn.of("<abc@consilium.local>", "failed", "5.1.1", false))))
                .contains(new ReportBounce("<abc@consilium.local>", "5.1.1",
                        "smtp; 550 5.1.1 <siti@example.org>: Recipient address rejected: User unknown in virtual mailbox table"));
    }

    @Test
    void theReturnedMessageMayBeWhole() throws Exception {
        assertThat(DeliveryStatusNotification.bounce(roundTrip(Dsn.of("<abc@consilium.local>", "failed", "5.2.1", true))))
                .hasValueSatisfying(b -> assertThat(b.messageId()).isEqualTo("<abc@consilium.local>"));
    }

    @Test
    void delaysAndOrdinaryMailAreNotBounces() throws Exception {
        assertThat(DeliveryStatusNotification.bounce(roundTrip(Dsn.of("<abc@consilium.local>", "delayed", "4.4.1", false))))
                .isEmpty();
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setText("Thanks, I'm out of office");
        reply.saveChanges();
        assertThat(DeliveryStatusNotification.bounce(roundTrip(reply))).isEmpty();
    }

    /** As read back from a mailbox: parsed from its bytes. */
    private static MimeMessage roundTrip(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(out.toByteArray()));
    }
}
