package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.notification.NotificationTesting;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagRefresher;
import org.boxoffice.platform.flags.FlagRule;
import org.boxoffice.platform.flags.FlagSetting;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.flags.FlagStore;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone channels' flags (docs/feature-flags.md): a channel switched off plans no message on it while email and the
 * other channel go on, and a rule can switch it off for some buyers only.
 */
class ChannelFlagsIT extends NotificationTesting {

    @Autowired
    Dispatcher dispatcher;
    @Autowired
    FlagStore store;
    @Autowired
    FlagState state;
    @Autowired
    FlagRefresher refresher;

    UUID buyer;
    String phone;

    /** A buyer with a verified address who opted in to SMS and WhatsApp and confirmed the number. */
    @BeforeEach
    void optedInBuyer() throws Exception {
        dispatcher.breaker(Channel.SMS).reset();
        dispatcher.breaker(Channel.WHATSAPP).reset();
        buyer = UUID.randomUUID();
        phone = "+49152" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89_999_999));
        verifiedEmail(buyer, "flag@example.com");
        String token = TestTokens.token().subject(buyer).email("flag@example.com").roles("BUYER").sign();
        assertThat(send("PUT", "/api/v1/notifications/preferences", token, """
                {"locale":"en","smsOptIn":true,"whatsappOptIn":true,"phone":"%s"}""".formatted(phone)).statusCode())
                .isEqualTo(200);
        confirmPhone(token, phone);
        SMS.reset(200);
    }

    @AfterEach
    void backToTheFile() {
        change(Map.of());
    }

    @Test
    void anSmsChannelSwitchedOffPlansNoSmsWhileEmailAndWhatsAppGoOn() throws Exception {
        change(Map.of("notifications.sms", FlagSetting.fixed(false)));

        UUID eventId = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));

        Await.until(Duration.ofSeconds(20), "email and WhatsApp are sent",
                () -> status(eventId, "WHATSAPP").equals("SENT") && status(eventId, "EMAIL").equals("SENT"));
        assertThat(status(eventId, "SMS")).isEqualTo("NONE");
        assertThat(SMS.requests()).singleElement().asString().contains("whatsapp%3A");
    }

    @Test
    void aRuleSwitchesWhatsAppOffForSomeBuyersOnly() throws Exception {
        change(Map.of("notifications.whatsapp", new FlagSetting(true,
                List.of(new FlagRule(false, null, null, null, 100)))));

        UUID eventId = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        Await.until(Duration.ofSeconds(20), "email and SMS are sent",
                () -> status(eventId, "SMS").equals("SENT") && status(eventId, "EMAIL").equals("SENT"));
        assertThat(status(eventId, "WHATSAPP")).as("the buyer is in the share the rule switches off")
                .isEqualTo("NONE");

        change(Map.of("notifications.whatsapp", new FlagSetting(true,
                List.of(new FlagRule(false, null, null, null, 0)))));
        UUID next = publish("payment-service", "PaymentFailed", UUID.randomUUID().toString(),
                Fixtures.paymentFailed(UUID.randomUUID(), buyer));
        Await.until(Duration.ofSeconds(20), "all three are sent", () -> status(next, "WHATSAPP").equals("SENT")
                && status(next, "SMS").equals("SENT") && status(next, "EMAIL").equals("SENT"));
    }

    private void change(Map<String, FlagSetting> overrides) {
        long version = Math.max(state.version(), store.version().orElse(0)) + 1;
        assertThat(store.publish(new FlagDocument(version, overrides))).isTrue();
        refresher.runOnce();
        assertThat(state.version()).isEqualTo(version);
    }

    private String status(UUID sourceId, String channel) {
        return jdbc.sql("SELECT status FROM delivery WHERE source_id = ? AND channel = ?").params(sourceId, channel)
                .query(String.class).optional().orElse("NONE");
    }
}
