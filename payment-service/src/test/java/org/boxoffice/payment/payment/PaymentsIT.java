package org.boxoffice.payment.payment;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.boxoffice.platform.testing.JpaSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The payment mapping on the real schema (Flyway's, validated by Hibernate at start): every column written and read
 * back, the one-live-payment-per-order index, optimistic versions and the row lock. Each step commits in its own
 * transaction, as in the service.
 */
@JpaSliceTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PaymentsIT {

    /** Microseconds: what PostgreSQL keeps of an instant. */
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3_600);

    @Autowired
    Payments payments;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void storesEveryFieldInItsColumnAndReadsItBack() {
        Payment payment = PaymentFixtures.succeeded(12_500, T0);
        payment.reserveRefund(2_500L, T0.plusSeconds(5));
        transactions.executeWithoutResult(status -> payments.save(payment));

        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM payment WHERE id = ?", payment.id());
        Payment read = payments.findById(payment.id()).orElseThrow();

        assertThat(row).containsEntry("status", "SUCCEEDED").containsEntry("currency", "EUR")
                .containsEntry("amount_minor", 12_500L).containsEntry("captured_minor", 12_500L)
                .containsEntry("refunded_minor", 2_500L).containsEntry("card_last4", "4242")
                .containsEntry("provider", "sandbox").containsEntry("version", 0L);
        assertThat(read).usingRecursiveComparison().isEqualTo(payment);
        assertThat(read.succeededAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(read.providerPaymentId()).startsWith("pi_test_");
    }

    @Test
    void anOrderHasOneLivePaymentAndMayBePaidAgainOnlyAfterItFailed() {
        Payment first = PaymentFixtures.processing(3_000, T0);
        UUID orderId = first.orderId();
        transactions.executeWithoutResult(status -> payments.saveAndFlush(first));
        Payment second = Payment.start(orderId, first.buyerId(), 3_000, "EUR", "sandbox", "4242", T0.plusSeconds(1));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> payments.saveAndFlush(second)))
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().isInstanceOf(SQLException.class).hasMessageContaining("payment_one_live_per_order");
        assertThat(payments.findLiveByOrder(orderId)).contains(first);

        transactions.executeWithoutResult(status -> payments.findForUpdate(first.id()).orElseThrow()
                .fail("card_declined", T0.plusSeconds(2)));
        Payment retry = Payment.start(orderId, first.buyerId(), 3_000, "EUR", "sandbox", "4242", T0.plusSeconds(3));
        transactions.executeWithoutResult(status -> payments.saveAndFlush(retry));

        assertThat(payments.findLiveByOrder(orderId)).contains(retry);
        assertThat(payments.findByOrderIdAndBuyerIdOrderByCreatedAt(orderId, first.buyerId()))
                .extracting(Payment::id, Payment::status)
                .containsExactly(tuple(first.id(), PaymentStatus.FAILED), tuple(retry.id(), PaymentStatus.PROCESSING));
        assertThat(payments.findByOrderIdAndBuyerIdOrderByCreatedAt(orderId, UUID.randomUUID()))
                .as("another buyer sees none of them").isEmpty();
    }

    @Test
    void aChangeFromAStaleCopyFailsInsteadOfOverwritingANewerState() {
        Payment payment = PaymentFixtures.processing(4_000, T0);
        transactions.executeWithoutResult(status -> payments.save(payment));
        Payment stale = payments.findById(payment.id()).orElseThrow();

        transactions.executeWithoutResult(status -> payments.findForUpdate(payment.id()).orElseThrow()
                .succeed(T0.plusSeconds(1)));
        stale.fail("card_declined", T0.plusSeconds(2));

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> payments.save(stale)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        Payment stored = payments.findById(payment.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(jdbc.queryForObject("SELECT version FROM payment WHERE id = ?", Long.class, payment.id()))
                .isEqualTo(1L);
    }

    @Test
    void findForUpdateHoldsTheRowLockUntilTheTransactionEnds() {
        Payment payment = PaymentFixtures.succeeded(5_000, T0);
        transactions.executeWithoutResult(status -> payments.save(payment));
        String nowait = "SELECT id FROM payment WHERE id = ? FOR UPDATE NOWAIT";

        transactions.executeWithoutResult(status -> {
            payments.findForUpdate(payment.id()).orElseThrow();
            // Another connection, as another replica would be.
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> jdbc.queryForList(nowait, payment.id()));
            assertThatThrownBy(other::join).rootCause().hasMessageContaining("could not obtain lock on row");
        });
        assertThat(jdbc.queryForList(nowait, payment.id())).as("free once committed").hasSize(1);
    }

    @Test
    void findsTheCapturedPaymentOfAnOrderAndPaymentsByAge() {
        Payment failed = PaymentFixtures.processing(1_000, T0.minusSeconds(60));
        failed.fail("card_declined", T0);
        Payment captured = Payment.start(failed.orderId(), failed.buyerId(), 1_000, "EUR", "sandbox", "4242", T0);
        captured.succeed(T0.plusSeconds(1));
        transactions.executeWithoutResult(status -> {
            payments.save(failed);
            payments.save(captured);
        });

        Optional<Payment> locked = transactions.execute(status -> payments.findCapturedByOrderForUpdate(
                failed.orderId()));
        assertThat(locked).contains(captured);
        assertThat(payments.createdSince(T0.minusSeconds(60))).contains(failed, captured)
                .filteredOn(p -> p.orderId().equals(failed.orderId())).containsExactly(failed, captured);
        assertThat(payments.createdSince(T0.minusSeconds(59))).contains(captured).doesNotContain(failed);
    }
}
