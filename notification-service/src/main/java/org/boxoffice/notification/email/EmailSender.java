package org.boxoffice.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.ChannelSender;
import org.boxoffice.notification.delivery.DeliveryFailure;
import org.boxoffice.notification.message.RenderedMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP (Spring Mail): a multipart/alternative text + HTML body, with the attachments beside it. */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final MailProperties properties;

    EmailSender(JavaMailSender mail, MailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(String recipient, RenderedMessage message) {
        MimeMessage mime = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipient);
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            for (RenderedMessage.Attachment attachment : message.attachments()) {
                helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
        } catch (MessagingException | IllegalArgumentException e) {
            throw DeliveryFailure.permanent("cannot build the email to " + recipient + ": " + e.getMessage(), e);
        }
        try {
            mail.send(mime);
            return mime.getMessageID();
        } catch (MailParseException | MailPreparationException e) {
            throw DeliveryFailure.permanent("the email could not be prepared: " + e.getMessage(), e);
        } catch (MailSendException e) {
            // The server refused the address itself: retrying will not change its mind.
            if (e.getFailedMessages().values().stream().anyMatch(EmailSender::refusedAddress)) {
                throw DeliveryFailure.permanent("the mail server refused " + recipient + ": " + e.getMessage(), e);
            }
            throw DeliveryFailure.transientFailure("SMTP send failed: " + e.getMessage(), e);
        } catch (MailException | MessagingException e) {
            throw DeliveryFailure.transientFailure("SMTP send failed: " + e.getMessage(), e);
        }
    }

    private static boolean refusedAddress(Exception failure) {
        return failure instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                && refused.getInvalidAddresses().length > 0;
    }
}
