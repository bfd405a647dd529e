package org.boxoffice.payment.sandbox;

import java.time.Duration;
import java.util.UUID;

import org.boxoffice.payment.provider.PaymentProvider.ChargeRequest;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * The sandbox's back office sleeps until its next charge comes due, and a new charge wakes it: a charge is confirmed
 * its {@code confirm-delay} after it was made, although the back office here polls only every ten minutes.
 */
@IntegrationTest(properties = {
        "boxoffice.payment.sandbox.webhook-secret=whsec_test_secret",
        "boxoffice.payment.sandbox.confirm-delay=500ms",
        "boxoffice.payment.sandbox.poll-interval=10m" })
class SandboxWakeIT {

    @Autowired
    SandboxProvider sandbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChargeIsConfirmedWhenItComesDueWithoutWaitingForThePoll() throws Exception {
        // The back office's first round ran when the context started and found nothing: it now sleeps ten minutes.
        Thread.sleep(Duration.ofSeconds(1));
        String token = sandbox.tokenize("4242424242424242", 12, 2099).id();

        String charge = sandbox.charge(new ChargeRequest(UUID.randomUUID(), 1_000, "EUR", token));

        await().atMost(Duration.ofSeconds(15)).until(() -> "SUCCEEDED".equals(
                jdbc.sql("SELECT status FROM sandbox_charge WHERE id = ?").param(charge).query(String.class).single()));
    }
}
