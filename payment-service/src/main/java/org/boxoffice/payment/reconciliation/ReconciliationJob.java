package org.boxoffice.payment.reconciliation;

import javax.sql.DataSource;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.background.SingleRunner;
import org.boxoffice.payment.system.PaymentProperties;
import org.springframework.stereotype.Component;

/**
 * Runs reconciliation every {@code boxoffice.payment.reconciliation-interval}, one replica at a time
 * ({@link SingleRunner}): a replica whose round finds another replica reconciling skips it. Should two runs ever
 * follow each other closely, repairs still go through the payment's row lock and status machine, so the second finds
 * nothing left to repair.
 */
@Component
class ReconciliationJob extends BackgroundTask {

    private final Reconciliation reconciliation;
    private final SingleRunner runner;

    ReconciliationJob(Reconciliation reconciliation, PaymentProperties properties, DataSource dataSource) {
        super("payment-reconciliation", properties.reconciliationInterval(), properties.backgroundJobs());
        this.reconciliation = reconciliation;
        this.runner = new SingleRunner(dataSource, "payment-reconciliation");
    }

    @Override
    protected boolean runOnce() {
        runner.runExclusively(reconciliation::run);
        return false;
    }
}
