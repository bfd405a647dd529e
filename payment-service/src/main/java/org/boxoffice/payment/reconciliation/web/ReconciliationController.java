package org.boxoffice.payment.reconciliation.web;

import org.boxoffice.payment.reconciliation.Reconciliation;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Runs reconciliation now and returns its report. ADMIN only: it spans every organization's payments. */
@Tag(name = "Payment administration", description = "Refunds and reconciliation with the provider")
@RestController
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping("/api/v1/admin/payments/reconciliation")
    @Operation(operationId = "runReconciliation", summary = "Reconcile payments with the provider now",
            description = "Settles payments whose webhook never came and reports what it changed.")
    @ApiRoles(Role.ADMIN)
    Reconciliation.Report run(CurrentUser user) {
        user.requireAdmin("run reconciliation");
        return reconciliation.run();
    }
}
