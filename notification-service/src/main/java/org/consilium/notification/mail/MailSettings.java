package org.consilium.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service writes email.
 *
 * @param from             sender address of every email
 * @param fromName         sender display name
 * @param templates        where the per-language template folders live ({@code <templates><lang>/<name>.html});
 *                         a {@code file:} location lets a deployment add a language without a rebuild
 * @param fallbackLanguage the language used when no template exists in the recipient's language
 */
@ConfigurationProperties("consilium.mail")
public record MailSettings(@DefaultValue("care-team@consilium.local") String from,
                           @DefaultValue("Consilium care team") String fromName,
                           @DefaultValue("classpath:/mail/") String templates,
                           @DefaultValue("en") String fallbackLanguage) {

    /** The domain of the sender address, used to build Message-IDs. */
    public String domain() {
        int at = from.lastIndexOf('@');
        return at < 0 ? "consilium.local" : from.substring(at + 1);
    }
}
