package org.boxoffice.booking.order;

import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.inventory.SeatStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.booking.order.OrderTest.LATER;
import static org.boxoffice.booking.order.OrderTest.NOW;
import static org.boxoffice.booking.order.OrderTest.pending;

/** What each order transition means for the inventory and the money, decided by the order itself. */
class OrderOutcomesTest {

    static final Payment PAID = new Payment(UUID.randomUUID(), 9_500);

    @Test
    void aPaymentForAPendingOrderConfirmsItAndSellsItsHeldTickets() {
        Order order = pending(4_500);
        assertThat(order.judge(PAID)).isEqualTo(PaymentVerdict.CONFIRM);

        Claim toSell = order.confirm(PAID, LATER).orElseThrow();

        assertThat(toSell).isEqualTo(order.claim());
        assertThat(toSell.items()).extracting(Allotment::quantity).containsExactly(1, 2);
        assertThat(order.judge(PAID)).isEqualTo(PaymentVerdict.ALREADY_COUNTED);
        assertThat(order.judge(new Payment(UUID.randomUUID(), 9_500))).isEqualTo(PaymentVerdict.DUPLICATE);
    }

    @Test
    void aLatePaymentIsRetakenOrRefundedAndItsConfirmationSellsNothingMore() {
        Order expired = pending(4_500);
        expired.expire(LATER);
        assertThat(expired.judge(PAID)).isEqualTo(PaymentVerdict.RETAKE_OR_REFUND);
        Order failed = pending(4_500);
        failed.fail(LATER);
        assertThat(failed.judge(PAID)).isEqualTo(PaymentVerdict.RETAKE_OR_REFUND);

        assertThat(expired.confirm(PAID, LATER)).isEmpty();
        assertThat(expired.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aPaymentForAFreeOrderOrACancelledOneGoesBack() {
        Order free = pending(4_500);
        free.confirmFree(NOW);
        assertThat(free.judge(PAID)).isEqualTo(PaymentVerdict.NOTHING_DUE);

        Order cancelled = pending(4_500);
        cancelled.cancel(CancelReason.BUYER, LATER);
        assertThat(cancelled.judge(PAID)).isEqualTo(PaymentVerdict.REFUND_AFTER_CANCELLATION);
    }

    @Test
    void onlyAPendingOrderIsConfirmedWithoutAPayment() {
        Order expired = pending(0);
        expired.expire(LATER);

        assertThatThrownBy(() -> expired.confirmFree(LATER)).isInstanceOf(OrderStateConflict.class);
        Order free = pending(0);
        assertThat(free.confirmFree(NOW)).isEqualTo(free.claim());
        assertThat(free.paid()).isFalse();
    }

    @Test
    void anUnpaidOrderThatEndsGivesItsHeldTicketsBackAndRefundsNothing() {
        Order expired = pending(4_500);
        Order failed = pending(4_500);
        Order cancelled = pending(4_500);

        assertThat(expired.expire(LATER)).isEqualTo(new Release(expired.claim(), SeatStatus.HELD, 0));
        assertThat(failed.fail(LATER)).isEqualTo(new Release(failed.claim(), SeatStatus.HELD, 0));
        Release release = cancelled.cancel(CancelReason.ORGANIZER, LATER);
        assertThat(release).isEqualTo(new Release(cancelled.claim(), SeatStatus.HELD, 0));
        assertThat(release.voidsTickets()).isFalse();
    }

    @Test
    void aCancelledPaidOrderGivesItsSoldTicketsBackAndRefundsWhatIsLeft() {
        Order order = pending(4_500);
        order.confirm(PAID, LATER);
        order.refunded(1_500, LATER);

        Release release = order.cancel(CancelReason.EVENT_CANCELLED, LATER);

        assertThat(release).isEqualTo(new Release(order.claim(), SeatStatus.SOLD, 8_000));
        assertThat(release.voidsTickets()).isTrue();
        assertThat(order.cancelReason()).isEqualTo(CancelReason.EVENT_CANCELLED);
        assertThat(order.settlement().refundsItsPayment(PAID.id())).isTrue();
        assertThat(order.settlement().refundsItsPayment(null)).isTrue();
        assertThat(order.settlement().refundsItsPayment(UUID.randomUUID())).isFalse();
    }

    @Test
    void itsClaimIsItsLinesUnderTheHoldItWasCheckedOutFrom() {
        UUID hold = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        UUID section = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        Order order = Order.place(new Purchase(event, hold, buyer, "buyer@test.boxoffice.dev",
                Currency.getInstance("EUR")), new Bill(List.of(new OrderLine(section, seat, "Stalls", 1, 4_500, 4_500),
                        new OrderLine(section, null, "Floor", 2, 2_500, 5_000)), null, Charges.NONE), NOW, LATER);

        assertThat(order.claim()).isEqualTo(new Claim(event, buyer, hold,
                List.of(Allotment.seat(section, seat), Allotment.area(section, 2))));
        assertThat(order.bill().quantity()).isEqualTo(3);
        assertThat(order.placedBy(buyer)).isTrue();
        assertThat(order.placedBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void refusesToBePlacedWithoutLinesOrDueBeforeItWasPlaced() {
        Purchase purchase = new Purchase(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "buyer@test.boxoffice.dev", Currency.getInstance("EUR"));
        OrderLine line = new OrderLine(UUID.randomUUID(), null, "Floor", 1, 2_500, 2_500);

        assertThatThrownBy(() -> Order.place(purchase, new Bill(List.of(), null, Charges.NONE), NOW, LATER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Order.place(purchase, new Bill(List.of(line), null, Charges.NONE), LATER, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesRefuseWhatCannotBe() {
        assertThatThrownBy(() -> new Payment(UUID.randomUUID(), -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Purchase(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), " ",
                Currency.getInstance("EUR"))).isInstanceOf(IllegalArgumentException.class);
        Claim claim = pending(4_500).claim();
        assertThatThrownBy(() -> new Release(claim, SeatStatus.AVAILABLE, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Release(claim, SeatStatus.HELD, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Release(claim, SeatStatus.SOLD, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuyerCancelsAPaidOrderOnlyWithinTheRefundWindowAndNeverAnEndedOne() {
        Order paid = pending(4_500);
        paid.confirm(PAID, NOW);
        Order unpaid = pending(4_500);
        Order expired = pending(4_500);
        expired.expire(NOW);

        paid.requireCancellableByBuyer(LATER, NOW);
        assertThatThrownBy(() -> paid.requireCancellableByBuyer(LATER, LATER))
                .isInstanceOf(RefundWindowClosed.class);
        unpaid.requireCancellableByBuyer(NOW, LATER);
        assertThatThrownBy(() -> expired.requireCancellableByBuyer(LATER, NOW))
                .isInstanceOf(OrderStateConflict.class).hasMessage("A EXPIRED order cannot be cancelled.");
    }

    @Test
    void everyCancellationReasonIsAlsoARefundReasonOfTheSameName() {
        for (CancelReason reason : CancelReason.values()) {
            assertThat(RefundReason.of(reason).name()).isEqualTo(reason.name());
        }
    }
}
