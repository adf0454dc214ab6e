package org.consilium.notification.mail;

/** One email as rendered: the template language actually used, the subject, and both bodies. */
public record RenderedMail(String language, String subject, String text, String html) {
}
