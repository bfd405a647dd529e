package org.boxoffice.payment.refund;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.payment.system.PaymentProperties;
import org.springframework.stereotype.Component;

/** Retries refunds left PENDING: requested by an event, or interrupted by a crash or an unreachable provider. */
@Component
class RefundWorker extends BackgroundTask {

    private final RefundService refunds;

    RefundWorker(RefundService refunds, PaymentProperties properties) {
        super("refund-worker", properties.refundRetryInterval(), properties.backgroundJobs());
        this.refunds = refunds;
    }

    @Override
    protected boolean runOnce() {
        refunds.processPending();
        return false;
    }
}
