package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment.PaymentNotRefundable;
import org.boxoffice.payment.payment.Payment.RefundExceedsCaptured;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment's status machine and refund arithmetic, without Spring or a database. */
class PaymentTest {

    private static final Instant T0 = Instant.parse("2026-12-02T12:00:00Z");

    private static Payment processing(long amountMinor) {
        return PaymentFixtures.processing(amountMinor, T0);
    }

    private static Payment succeeded(long amountMinor) {
        return PaymentFixtures.succeeded(amountMinor, T0);
    }

    @Test
    void aNewPaymentIsProcessingAndHasCapturedNothing() {
        Payment payment = processing(5_000);

        assertThat(payment.status()).isEqualTo(PaymentStatus.PROCESSING);
        assertThat(payment.capturedMinor()).isZero();
        assertThat(payment.refundedMinor()).isZero();
        assertThat(payment.createdAt()).isEqualTo(T0);
        assertThat(payment.updatedAt()).isEqualTo(T0);
    }

    @Test
    void refusesANonPositiveAmountOrACurrencyThatIsNotAnIsoCode() {
        assertThatThrownBy(() -> processing(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payment.start(UUID.randomUUID(), UUID.randomUUID(), 100, "eur", "sandbox", "4242", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO-4217");
    }

    @Test
    void succeedingCapturesTheAmountOnceAndALateOrRepeatedOutcomeChangesNothing() {
        Payment payment = processing(5_000);
        Instant at = T0.plusSeconds(3);

        assertThat(payment.succeed(at)).isTrue();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.capturedMinor()).isEqualTo(5_000);
        assertThat(payment.succeededAt()).isEqualTo(at);

        assertThat(payment.succeed(T0.plusSeconds(9))).as("the same outcome again").isFalse();
        assertThat(payment.fail("card_declined", T0.plusSeconds(9))).as("a contradicting late outcome").isFalse();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.succeededAt()).isEqualTo(at);
        assertThat(payment.failureReason()).isNull();
    }

    @Test
    void aFailedPaymentNeverSucceedsAndCapturesNothing() {
        Payment payment = processing(5_000);

        assertThat(payment.fail("card_declined", T0.plusSeconds(2))).isTrue();
        assertThat(payment.succeed(T0.plusSeconds(3))).isFalse();

        assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(payment.failureReason()).isEqualTo("card_declined");
        assertThat(payment.capturedMinor()).isZero();
        assertThatThrownBy(() -> payment.reserveRefund(null, T0)).isInstanceOf(PaymentNotRefundable.class);
    }

    @Test
    void theProviderChargeIdIsSetOnce() {
        Payment payment = processing(5_000);

        payment.chargedAs("pi_1", T0.plusSeconds(1));
        payment.chargedAs("pi_1", T0.plusSeconds(2));

        assertThat(payment.providerPaymentId()).isEqualTo("pi_1");
        assertThatThrownBy(() -> payment.chargedAs("pi_2", T0.plusSeconds(3)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(payment.providerPaymentId()).isEqualTo("pi_1");
    }

    @Test
    void aProcessingPaymentCannotBeRefunded() {
        Payment payment = processing(5_000);

        assertThatThrownBy(() -> payment.reserveRefund(100L, T0)).isInstanceOf(PaymentNotRefundable.class);
        assertThatThrownBy(() -> payment.refunded(100, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.refundedMinor()).isZero();
    }

    @Test
    void reservationsNeverExceedWhatWasCaptured() {
        Payment payment = succeeded(10_000);

        assertThat(payment.reserveRefund(3_000L, T0)).isEqualTo(3_000);
        assertThat(payment.reserveRefund(null, T0)).as("null reserves the rest").isEqualTo(7_000);

        assertThat(payment.refundedMinor()).isEqualTo(10_000);
        assertThatThrownBy(() -> payment.reserveRefund(1L, T0)).isInstanceOf(RefundExceedsCaptured.class);
        assertThatThrownBy(() -> payment.reserveRefund(null, T0)).as("nothing left is nothing to refund")
                .isInstanceOf(RefundExceedsCaptured.class);
        assertThat(payment.refundedMinor()).isEqualTo(10_000);
    }

    @Test
    void refusesANonPositiveRefund() {
        Payment payment = succeeded(10_000);

        assertThatThrownBy(() -> payment.reserveRefund(0L, T0)).isInstanceOf(RefundExceedsCaptured.class);
        assertThatThrownBy(() -> payment.reserveRefund(-5L, T0)).isInstanceOf(RefundExceedsCaptured.class);
        assertThat(payment.refundedMinor()).isZero();
    }

    @Test
    void aDeclinedRefundGivesItsReservationBackButNoMoreThanWasReserved() {
        Payment payment = succeeded(10_000);
        payment.reserveRefund(4_000L, T0);

        payment.releaseRefund(4_000, T0);

        assertThat(payment.refundedMinor()).isZero();
        assertThatThrownBy(() -> payment.releaseRefund(1, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.reserveRefund(null, T0)).isEqualTo(10_000);
    }

    @Test
    void partialRefundsLeadToRefundedWhenTheWholeCaptureIsBack() {
        Payment payment = succeeded(10_000);
        payment.reserveRefund(4_000L, T0);
        payment.reserveRefund(6_000L, T0);

        payment.refunded(4_000, T0.plusSeconds(5));
        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        payment.refunded(10_000, T0.plusSeconds(6));

        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThatThrownBy(() -> payment.reserveRefund(null, T0)).isInstanceOf(PaymentNotRefundable.class);
    }

    @Test
    void aRefundCannotHaveSucceededBeyondWhatWasReserved() {
        Payment payment = succeeded(10_000);
        payment.reserveRefund(4_000L, T0);

        assertThatThrownBy(() -> payment.refunded(5_000, T0)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }
}
