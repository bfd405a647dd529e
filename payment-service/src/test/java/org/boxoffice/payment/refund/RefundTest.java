package org.boxoffice.payment.refund;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refund reserves its amount on the payment and leaves PENDING exactly once; no Spring, no database. */
class RefundTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void aRefundReservesItsAmountOnThePaymentAndIsPending() {
        Payment payment = PaymentFixtures.succeeded(8_000, T0);

        Refund refund = Refund.of(UUID.randomUUID(), payment, 3_000L, "goodwill", "user:admin", T0);

        assertThat(refund.status()).isEqualTo(RefundStatus.PENDING);
        assertThat(refund.amountMinor()).isEqualTo(3_000);
        assertThat(refund.currency()).isEqualTo("EUR");
        assertThat(refund.paymentId()).isEqualTo(payment.id());
        assertThat(payment.refundedMinor()).isEqualTo(3_000);
    }

    @Test
    void aFullRefundTakesWhatIsLeft() {
        Payment payment = PaymentFixtures.succeeded(8_000, T0);
        Refund.of(UUID.randomUUID(), payment, 3_000L, "goodwill", "user:admin", T0);

        Refund rest = Refund.of(UUID.randomUUID(), payment, null, "event cancelled", "event:1", T0);

        assertThat(rest.amountMinor()).isEqualTo(5_000);
    }

    @Test
    void aRefundThePaymentCannotCoverIsNeverCreated() {
        Payment payment = PaymentFixtures.succeeded(8_000, T0);

        assertThatThrownBy(() -> Refund.of(UUID.randomUUID(), payment, 8_001L, "goodwill", "user:admin", T0))
                .isInstanceOf(Payment.RefundExceedsCaptured.class);
        assertThat(payment.refundedMinor()).isZero();
    }

    @Test
    void succeedsOnceAndThenRefusesAnyOtherOutcome() {
        Refund refund = Refund.of(UUID.randomUUID(), PaymentFixtures.succeeded(8_000, T0), null, "goodwill",
                "user:admin", T0);

        refund.succeeded("re_1", T0.plusSeconds(1));

        assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refund.isPending()).isFalse();
        assertThat(refund.providerRefundId()).isEqualTo("re_1");
        assertThat(refund.completedAt()).isEqualTo(T0.plusSeconds(1));
        assertThatThrownBy(() -> refund.succeeded("re_2", T0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refund.failed("declined", T0)).isInstanceOf(IllegalStateException.class);
        assertThat(refund.providerRefundId()).isEqualTo("re_1");
    }

    @Test
    void aDeclinedRefundKeepsTheReasonAndCannotSucceedLater() {
        Refund refund = Refund.of(UUID.randomUUID(), PaymentFixtures.succeeded(8_000, T0), null, "goodwill",
                "user:admin", T0);

        refund.failed("amount_exceeds_remaining", T0.plusSeconds(1));

        assertThat(refund.status()).isEqualTo(RefundStatus.FAILED);
        assertThat(refund.failureReason()).isEqualTo("amount_exceeds_remaining");
        assertThatThrownBy(() -> refund.succeeded("re_1", T0)).isInstanceOf(IllegalStateException.class);
    }
}
