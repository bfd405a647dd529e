package org.boxoffice.booking.order;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order's money: one payment, refunds counted until all of it is back. */
class SettlementTest {

    @Test
    void recordsOnePaymentAndCountsRefundsUntilAllOfItIsBack() {
        Settlement settlement = new Settlement();
        assertThat(settlement.paid()).isFalse();
        assertThat(settlement.refundable()).isZero();
        Payment payment = new Payment(UUID.randomUUID(), 9_500);

        settlement.pay(payment);

        assertThat(settlement.paidBy(payment.id())).isTrue();
        assertThat(settlement.paidBy(UUID.randomUUID())).isFalse();
        assertThat(settlement.refund(4_000)).isFalse();
        assertThat(settlement.refundable()).isEqualTo(5_500);
        assertThat(settlement.refund(5_500)).isTrue();
        assertThat(settlement.refundable()).isZero();
        assertThat(settlement.refundedMinor()).isEqualTo(9_500);
    }

    @Test
    void refusesASecondPayment() {
        Settlement settlement = new Settlement();
        settlement.pay(new Payment(UUID.randomUUID(), 9_500));

        assertThatThrownBy(() -> settlement.pay(new Payment(UUID.randomUUID(), 9_500)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(settlement.paidMinor()).isEqualTo(9_500);
    }
}
