package org.boxoffice.notification.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.boxoffice.notification.system.NotificationProblems;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The demo mailbox, for admins: every message sent in this local run, newest last. {@code GET …/mailbox/{n}} returns
 * the raw message ({@code .eml}, opens in any mail client, PDF tickets included); {@code ?format=html} its HTML body.
 */
@Tag(name = "Notification administration")
@RestController
@ConditionalOnBooleanProperty("boxoffice.demo.enabled")
@RequestMapping("/api/v1/admin/notifications/mailbox")
class MailboxController {

    private final DemoMailbox mailbox;

    MailboxController(DemoMailbox mailbox) {
        this.mailbox = mailbox;
    }

    record MailSummary(int id, String from, List<String> to, String subject, @Nullable Instant sentAt) {
    }

    @GetMapping
    @Operation(operationId = "listMailbox", summary = "List the mail sent to the local demo SMTP server (demo mode only)")
    @ApiRoles(Role.ADMIN)
    List<MailSummary> list(CurrentUser user) throws MessagingException {
        user.requireAdmin("read the demo mailbox");
        List<MimeMessage> messages = mailbox.messages();
        List<MailSummary> summaries = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            MimeMessage message = messages.get(i);
            summaries.add(new MailSummary(i + 1, addresses(message.getFrom()).stream().findFirst().orElse(""),
                    addresses(message.getAllRecipients()), String.valueOf(message.getSubject()),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant()));
        }
        return summaries;
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getMailboxMessage", summary = "Open one message of the demo mailbox, raw (eml) or its HTML body")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "200", description = "The message", content = {
            @Content(mediaType = "message/rfc822", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/html", schema = @Schema(type = "string")) })
    ResponseEntity<byte[]> open(CurrentUser user, @PathVariable int id,
            @Parameter(description = "eml (the raw message) or html (its HTML body)",
                    schema = @Schema(allowableValues = { "eml", "html" }, defaultValue = "eml"))
            @RequestParam(defaultValue = "eml") String format) throws MessagingException, IOException {
        user.requireAdmin("read the demo mailbox");
        if (!format.equals("eml") && !format.equals("html")) {
            throw new UnknownFormat(format);
        }
        List<MimeMessage> messages = mailbox.messages();
        if (id < 1 || id > messages.size()) {
            throw new MessageNotFound(id);
        }
        MimeMessage message = messages.get(id - 1);
        if (format.equals("html")) {
            String html = html(message);
            if (html == null) {
                throw new MessageNotFound(id);
            }
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("message-" + id + ".eml").build().toString())
                .body(raw.toByteArray());
    }

    static final class UnknownFormat extends ProblemException {
        UnknownFormat(String format) {
            super(ProblemType.INVALID_PARAMETER, "format must be eml or html, not '" + format + "'.");
            with("parameter", "format");
        }
    }

    private static @Nullable String html(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String html = html(child);
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    private static List<String> addresses(Address @Nullable [] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).collect(Collectors.toList());
    }

    static final class MessageNotFound extends ProblemException {
        MessageNotFound(int id) {
            super(NotificationProblems.MESSAGE_NOT_FOUND, "The mailbox has no message " + id + ".");
            with("messageId", id);
        }
    }
}
