package org.boxoffice.payment.refund;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentFixtures;
import org.boxoffice.payment.payment.Payments;
import org.boxoffice.platform.testing.JpaSliceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refund mapping on the real schema, and the sums reconciliation reads. */
@JpaSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RefundsIT {

    /** Microseconds: what PostgreSQL keeps of an instant. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3_600);

    @Autowired
    Refunds refunds;
    @Autowired
    Payments payments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    /** A captured payment, stored, with refunds of the amounts given reserved on it and stored PENDING. */
    private List<Refund> refundsOf(Payment payment, long... amounts) {
        return transactions.execute(status -> {
            List<Refund> requested = new ArrayList<>();
            for (long amount : amounts) {
                requested.add(Refund.of(UUID.randomUUID(), payment, amount, "goodwill", "user:admin", T0));
            }
            payments.save(payment);
            requested.forEach(refunds::save);
            return requested;
        });
    }

    /** No refund is left PENDING: the background workers of other test contexts sharing the database would take it. */
    @AfterEach
    void declineWhatIsPending() {
        transactions.executeWithoutResult(status -> refunds.findFirst100ByStatusOrderByCreatedAt(RefundStatus.PENDING)
                .forEach(refund -> refund.failed("test_over", T0)));
    }

    @Test
    void storesEveryFieldInItsColumnAndReadsItBack() {
        Payment payment = PaymentFixtures.succeeded(9_000, T0);
        Refund refund = refundsOf(payment, 4_000).getFirst();
        transactions.executeWithoutResult(status -> refunds.findForUpdate(refund.id()).orElseThrow()
                .succeeded("re_1", T0.plusSeconds(2)));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM refund WHERE id = ?", refund.id());
        Refund read = refunds.findById(refund.id()).orElseThrow();

        assertThat(row).containsEntry("payment_id", payment.id()).containsEntry("amount_minor", 4_000L)
                .containsEntry("currency", "EUR").containsEntry("status", "SUCCEEDED")
                .containsEntry("requested_by", "user:admin").containsEntry("provider_refund_id", "re_1")
                .containsEntry("version", 1L);
        assertThat(read.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(read.reason()).isEqualTo("goodwill");
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.completedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(payments.findById(payment.id()).orElseThrow().refundedMinor()).isEqualTo(4_000);
    }

    @Test
    void aRefundRecordedFromAStaleCopyFails() {
        Refund refund = refundsOf(PaymentFixtures.succeeded(9_000, T0), 1_000).getFirst();
        Refund stale = refunds.findById(refund.id()).orElseThrow();
        transactions.executeWithoutResult(status -> refunds.findForUpdate(refund.id()).orElseThrow()
                .failed("declined", T0.plusSeconds(1)));

        stale.succeeded("re_late", T0.plusSeconds(2));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> refunds.save(stale)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(refunds.findById(refund.id()).orElseThrow().status()).isEqualTo(RefundStatus.FAILED);
    }

    @Test
    void sumsWhatSucceededAndCountsWhatIsPendingPerPayment() {
        Payment twice = PaymentFixtures.succeeded(9_000, T0);
        Payment once = PaymentFixtures.succeeded(5_000, T0);
        Payment older = PaymentFixtures.succeeded(7_000, T0.minusSeconds(86_400));
        List<Refund> ofTwice = refundsOf(twice, 1_000, 2_000, 3_000);
        refundsOf(once, 5_000);
        Refund ofOlder = refundsOf(older, 700).getFirst();
        transactions.executeWithoutResult(status -> {
            refunds.findForUpdate(ofTwice.get(0).id()).orElseThrow().succeeded("re_a", T0);
            refunds.findForUpdate(ofTwice.get(1).id()).orElseThrow().succeeded("re_b", T0);
            refunds.findForUpdate(ofOlder.id()).orElseThrow().succeeded("re_c", T0);
        });

        List<RefundTally> since = refunds.talliesOfPaymentsCreatedSince(T0, RefundStatus.SUCCEEDED,
                RefundStatus.PENDING);
        List<RefundTally> named = refunds.talliesOf(List.of(older.id()), RefundStatus.SUCCEEDED,
                RefundStatus.PENDING);

        assertThat(since).contains(new RefundTally(twice.id(), 3_000, 1), new RefundTally(once.id(), 0, 1))
                .noneMatch(tally -> tally.paymentId().equals(older.id()));
        assertThat(named).containsExactly(new RefundTally(older.id(), 700, 0));
        assertThat(refunds.totalByPaymentIdAndStatus(twice.id(), RefundStatus.SUCCEEDED)).isEqualTo(3_000);
        assertThat(refunds.totalByPaymentIdAndStatus(UUID.randomUUID(), RefundStatus.SUCCEEDED)).isZero();
        assertThat(refunds.findFirst100ByStatusOrderByCreatedAt(RefundStatus.PENDING)).extracting(Refund::id)
                .contains(ofTwice.get(2).id()).doesNotContain(ofTwice.get(0).id(), ofOlder.id());
    }
}
