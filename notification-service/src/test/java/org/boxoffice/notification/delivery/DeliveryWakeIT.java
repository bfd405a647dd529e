package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.util.UUID;

import org.boxoffice.notification.Await;
import org.boxoffice.notification.NotificationTesting;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commit that plans a delivery wakes its lane: the message goes out at once, although the lanes here look for
 * due work only every ten minutes.
 */
class DeliveryWakeIT extends NotificationTesting {

    @DynamicPropertySource
    static void lanesThatHardlyPoll(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.notification.delivery.poll-interval", () -> "10m");
    }

    @Test
    void aCommittedDeliveryIsSentWithoutWaitingForItsLanesNextPoll() throws Exception {
        // The lanes' first rounds ran when the context started and found nothing: they now wait ten minutes.
        Thread.sleep(Duration.ofSeconds(1));
        UUID account = UUID.randomUUID();
        publish("user-service", "RegistrationAttempted", account.toString(), """
                {"accountId":"%s","email":"woken@example.com","attemptedAt":"2026-12-06T10:15:00Z"}"""
                .formatted(account));

        Await.until(Duration.ofSeconds(20), "the notice is sent", () -> SMTP.getReceivedMessages().length == 1);
        assertThat(SMTP.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("woken@example.com");
    }
}
