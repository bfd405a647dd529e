package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.UUID;

/** Payments for tests of other packages, made through the payment's own transitions (restbucks' OrderTestUtils). */
public final class PaymentFixtures {

    private PaymentFixtures() {
    }

    /** A PROCESSING sandbox payment of {@code amountMinor} EUR created at {@code at}. */
    public static Payment processing(long amountMinor, Instant at) {
        return Payment.start(UUID.randomUUID(), UUID.randomUUID(), amountMinor, "EUR", "sandbox", "4242", at);
    }

    /** A payment of {@code amountMinor} EUR created at {@code at}, charged and captured a second later. */
    public static Payment succeeded(long amountMinor, Instant at) {
        Payment payment = processing(amountMinor, at);
        payment.chargedAs("pi_test_" + payment.id().toString().replace("-", ""), at);
        payment.succeed(at.plusSeconds(1));
        return payment;
    }
}
