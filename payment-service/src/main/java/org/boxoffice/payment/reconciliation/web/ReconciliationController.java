package org.boxoffice.payment.reconciliation.web;

import org.boxoffice.payment.reconciliation.Reconciliation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs reconciliation now and returns its report. ADMIN only: it spans every organization's payments. */
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/api/v1/admin/payments/reconciliation")
    Reconciliation.Report run(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AdminOnly();
        }
        return reconciliation.run();
    }

    static class AdminOnly extends ProblemException {
        AdminOnly() {
            super(ProblemType.FORBIDDEN, "Only an admin may run reconciliation.");
        }
    }
}
