package org.boxoffice.payment.reconciliation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentFixtures;
import org.boxoffice.payment.payment.PaymentStatus;
import org.boxoffice.payment.payment.Payments;
import org.boxoffice.payment.refund.Refund;
import org.boxoffice.payment.refund.RefundService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation, the admin's listing of every payment in the window against the provider's ledger, reads our side in
 * the same few statements whether the window holds three payments or thirty: no query per payment (N+1). Counted
 * with Hibernate's statistics; the background jobs are off so nothing else talks to the database meanwhile.
 */
@IntegrationTest(properties = {
        "spring.jpa.properties.hibernate.generate_statistics=true",
        "boxoffice.payment.background-jobs=false",
        "boxoffice.payment.sandbox.auto-startup=false" })
class ReconciliationStatementsIT {

    @Autowired
    Reconciliation reconciliation;
    @Autowired
    Payments payments;
    @Autowired
    RefundService refunds;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void readsOurSideInAFixedNumberOfStatementsHoweverManyPaymentsTheWindowHolds() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        int before = reconciliation.run().paymentsChecked();
        List<UUID> ours = new ArrayList<>(capturedAndPartlyRefunded(3));

        statistics.clear();
        Reconciliation.Report few = reconciliation.run();
        long fewStatements = statistics.getPrepareStatementCount();

        ours.addAll(capturedAndPartlyRefunded(27));
        statistics.clear();
        Reconciliation.Report many = reconciliation.run();
        long manyStatements = statistics.getPrepareStatementCount();

        assertThat(few.paymentsChecked()).isEqualTo(before + 3);
        assertThat(many.paymentsChecked()).isEqualTo(before + 30);
        assertThat(many.differences()).as("refunds were compared and agree with the provider's")
                .noneMatch(d -> ours.contains(d.paymentId()));
        assertThat(manyStatements).as("statements for 30 payments, as for 3").isEqualTo(fewStatements);
        assertThat(manyStatements).as("the payments and their refund tallies").isEqualTo(2);
    }

    @Test
    void comparesEachPaymentWithItsOwnRefundTally() {
        List<UUID> ours = capturedAndPartlyRefunded(2);
        UUID differs = ours.getFirst();
        // The provider refunded more of one payment than we know of: only that payment's own tally can tell.
        jdbc.update("UPDATE sandbox_charge SET refunded_minor = refunded_minor + 1 WHERE reference = ?", differs);

        Reconciliation.Report report = reconciliation.run();

        assertThat(report.differences()).filteredOn(d -> ours.contains(d.paymentId())).singleElement().satisfies(d -> {
            assertThat(d.paymentId()).isEqualTo(differs);
            assertThat(d.kind()).isEqualTo(Reconciliation.Kind.REFUND_MISMATCH);
            assertThat(d.ours()).endsWith("refunded 1000");
            assertThat(d.provider()).endsWith("refunded 1001");
        });
    }

    /**
     * Payments of 5000 captured an hour ago, each recorded by the provider (the test writes the sandbox's ledger, as
     * the provider would) and partly refunded through the service (1000, asked of the provider). Returns their ids.
     * No refund is left PENDING: the background workers of other test contexts sharing the database would take it.
     */
    private List<UUID> capturedAndPartlyRefunded(int count) {
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant createdAt = Instant.now().minusSeconds(3_600);
            Payment payment = PaymentFixtures.succeeded(5_000, createdAt);
            transactions.executeWithoutResult(status -> payments.save(payment));
            jdbc.update("""
                    INSERT INTO sandbox_charge (id, reference, amount_minor, currency, card_last4, scenario, status,
                                                confirm_at, created_at)
                    VALUES (?, ?, ?, ?, '4242', 'SUCCEEDS', 'SUCCEEDED', ?, ?)""",
                    payment.providerPaymentId(), payment.id(), payment.amountMinor(), payment.currency(),
                    Timestamp.from(createdAt), Timestamp.from(createdAt));
            Refund succeeded = request(payment, 1_000);
            refunds.process(succeeded.id());
            assertThat(payments.findById(payment.id()).orElseThrow().status())
                    .isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
            created.add(payment.id());
        }
        return created;
    }

    private Refund request(Payment payment, long amountMinor) {
        return transactions.execute(status -> refunds.request(UUID.randomUUID(),
                payments.findForUpdate(payment.id()).orElseThrow(), amountMinor, "goodwill", "user:test"));
    }
}
