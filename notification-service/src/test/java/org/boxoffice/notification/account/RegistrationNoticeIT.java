package org.boxoffice.notification.account;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.boxoffice.notification.Await;
import org.boxoffice.notification.NotificationTesting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration of an email that already has an account is answered like a success by user-service; the owner is
 * the one told, here.
 */
class RegistrationNoticeIT extends NotificationTesting {

    @Test
    void tellsTheOwnerThatSomeoneTriedToRegisterTheirAddress() throws Exception {
        UUID account = UUID.randomUUID();
        publish("user-service", "RegistrationAttempted", account.toString(), """
                {"accountId":"%s","email":"owner@example.com","attemptedAt":"2026-11-23T10:15:00Z"}"""
                .formatted(account));

        Await.until(Duration.ofSeconds(20), "the notice is sent", () -> SMTP.getReceivedMessages().length == 1);

        MimeMessage notice = SMTP.getReceivedMessages()[0];
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("owner@example.com");
        assertThat(notice.getSubject()).isEqualTo("Someone tried to register with your email address");
        assertThat(plainText(notice))
                .contains("You already have an account, so nothing was changed");
    }
}
