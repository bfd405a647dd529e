package org.boxoffice.notification.message;

import java.util.List;

/**
 * A message ready to send: an email uses the subject, both bodies and the attachments; SMS and WhatsApp use
 * {@code shortText}.
 */
public record RenderedMessage(String subject, String html, String text, String shortText, List<Attachment> attachments) {

    public RenderedMessage {
        attachments = List.copyOf(attachments);
    }

    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
