package org.boxoffice.payment.reconciliation;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.payment.system.PaymentProperties;
import org.springframework.stereotype.Component;

/**
 * Runs reconciliation every {@code boxoffice.payment.reconciliation-interval}. Every replica may run it: repairs go
 * through the payment's row lock and status machine, so a second run finds nothing left to repair.
 */
@Component
class ReconciliationJob extends BackgroundTask {

    private final Reconciliation reconciliation;

    ReconciliationJob(Reconciliation reconciliation, PaymentProperties properties) {
        super("payment-reconciliation", properties.reconciliationInterval(), properties.backgroundJobs());
        this.reconciliation = reconciliation;
    }

    @Override
    protected boolean runOnce() {
        reconciliation.run();
        return false;
    }
}
