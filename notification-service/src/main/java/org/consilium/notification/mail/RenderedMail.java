package org.consilium.notification.mail;

import java.util.List;

/**
 * One email as rendered: the template language actually used, the subject, both bodies, and the
 * files attached to it (none for most purposes).
 */
public record RenderedMail(String language, String subject, String text, String html, List<Attachment> attachments) {
    public RenderedMail {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public RenderedMail(String language, String subject, String text, String html) {
        this(language, subject, text, html, List.of());
    }

    public RenderedMail withAttachments(List<Attachment> files) {
        return new RenderedMail(language, subject, text, html, files);
    }
}
