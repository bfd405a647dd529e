package org.boxoffice.booking.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's lifecycle, kept by the Order aggregate itself. */
class OrderTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(60);

    static Order pending(long seatPrice) {
        return Order.place(new Purchase(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "buyer@test.boxoffice.dev", Currency.getInstance("EUR")), new Bill(List.of(
                        new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "Stalls, row 1, seat 1", 1, seatPrice,
                                seatPrice),
                        new OrderLine(UUID.randomUUID(), null, "Floor", 2, 2_500, 5_000)), null, Charges.NONE),
                NOW, NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void totalsItsLinesAndAwaitsPayment() {
        Order order = pending(4_500);

        assertThat(order.bill().totalMinor()).isEqualTo(9_500);
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(order.paid()).isFalse();
        assertThat(order.settlement().refundable()).isZero();
    }

    @Test
    void aPaidOrderIsConfirmedAndCancellingItAwaitsTheRefundOfWhatIsLeft() {
        Order order = pending(4_500);
        UUID payment = UUID.randomUUID();

        order.confirm(new Payment(payment, 9_500), LATER);
        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.refunded(1_000, LATER)).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(order.settlement().refundable()).isEqualTo(8_500);
        order.cancel(CancelReason.BUYER, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.REFUND_REQUESTED);
        assertThat(order.cancelReason()).isEqualTo(CancelReason.BUYER);
        assertThat(order.refunded(8_500, LATER)).isTrue();
        assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
    }

    @Test
    void aFreeOrderEndsWhenCancelledAndTakesNoRefund() {
        Order order = pending(0);
        order.confirmFree(NOW);

        order.cancel(CancelReason.ORGANIZER, LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThatThrownBy(() -> order.refunded(100, LATER)).isInstanceOf(OrderStateConflict.class);
    }

    @Test
    void refusesMovesTheLifecycleDoesNotAllow() {
        Order expired = pending(4_500);
        expired.expire(LATER);

        assertThatThrownBy(() -> expired.cancel(CancelReason.BUYER, LATER)).isInstanceOf(OrderStateConflict.class)
                .hasMessage("A EXPIRED order cannot be cancelled.");
        assertThatThrownBy(() -> expired.fail(LATER)).isInstanceOf(OrderStateConflict.class);
        assertThatThrownBy(() -> expired.expire(LATER)).isInstanceOf(OrderStateConflict.class);
        Order confirmed = pending(4_500);
        confirmed.confirm(new Payment(UUID.randomUUID(), 9_500), LATER);
        assertThatThrownBy(() -> confirmed.confirm(new Payment(UUID.randomUUID(), 9_500), LATER))
                .isInstanceOf(OrderStateConflict.class);
        assertThatThrownBy(() -> confirmed.paidTooLate(new Payment(UUID.randomUUID(), 9_500), LATER))
                .isInstanceOf(OrderStateConflict.class);
        assertThat(expired.status()).isEqualTo(OrderStatus.EXPIRED);
    }

    @Test
    void aLatePaymentEitherConfirmsTheExpiredOrderOrCancelsItForARefund() {
        Order retaken = pending(4_500);
        retaken.expire(LATER);
        UUID payment = UUID.randomUUID();
        retaken.confirm(new Payment(payment, 9_500), LATER);
        assertThat(retaken.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(retaken.settlement().paymentId()).isEqualTo(payment);

        Order gone = pending(4_500);
        gone.fail(LATER);
        gone.paidTooLate(new Payment(payment, 9_500), LATER);
        assertThat(gone.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(gone.cancelReason()).isEqualTo(CancelReason.PAID_AFTER_EXPIRY);
        assertThat(gone.settlement().paidMinor()).isEqualTo(9_500);
    }

    @Test
    void moneyForAnOrderCancelledBeforeItArrivedIsRecordedOnce() {
        Order order = pending(4_500);
        order.cancel(CancelReason.BUYER, LATER);

        order.paidAfterCancellation(new Payment(UUID.randomUUID(), 9_500), LATER);

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.paid()).isTrue();
        assertThatThrownBy(() -> order.paidAfterCancellation(new Payment(UUID.randomUUID(), 9_500), LATER))
                .isInstanceOf(OrderStateConflict.class);
    }
}
