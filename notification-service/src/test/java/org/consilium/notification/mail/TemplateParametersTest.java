package org.consilium.notification.mail;

import org.consilium.events.NotificationPurpose;
import org.consilium.notification.delivery.DeliveryPurpose;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other half of {@link NotificationPurpose#parameters()}: senders refuse names a purpose does not declare, and
 * every template reads only declared names (or their {@code <name>Local} rendering). A template reading a name no
 * sender sends shows nothing, silently: the decline reason did, for as long as the engine sent "declineReason".
 */
class TemplateParametersTest {
    private static final Pattern PARAMETER = Pattern.compile("params\\['([A-Za-z]+)'\\]");

    @Test
    void everyTemplateReadsOnlyTheParametersItsPurposeDeclares() throws IOException {
        PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
        List<String> undeclared = new ArrayList<>();
        int templatesRead = 0;
        for (NotificationPurpose purpose : NotificationPurpose.values()) {
            String template = DeliveryPurpose.of(purpose).template();
            Set<String> declared = purpose.parameters();
            for (Resource file : resources.getResources("classpath*:/mail/*/" + template + ".*")) {
                templatesRead++;
                Matcher read = PARAMETER.matcher(file.getContentAsString(StandardCharsets.UTF_8));
                while (read.find()) {
                    String name = read.group(1);
                    String base = name.endsWith("Local") ? name.substring(0, name.length() - "Local".length()) : name;
                    if (!declared.contains(base)) {
                        undeclared.add(file.getURI().toString().replaceAll(".*/mail/", "") + " reads '" + name
                                + "', which " + purpose + " does not declare");
                    }
                }
            }
        }
        assertThat(templatesRead).as("templates found").isGreaterThan(30);
        assertThat(undeclared).isEmpty();
    }

    @Test
    void sendersAreToldWhichNamesAPurposeDoesNotDeclare() {
        assertThat(NotificationPurpose.CASE_DECLINED.undeclared(java.util.Map.of("declineReason", "out of scope")))
                .containsExactly("declineReason");
        assertThat(NotificationPurpose.CASE_DECLINED.undeclared(java.util.Map.of("reason", "out of scope"))).isEmpty();
    }
}
