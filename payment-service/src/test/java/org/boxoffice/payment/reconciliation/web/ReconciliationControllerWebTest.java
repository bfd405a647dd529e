package org.boxoffice.payment.reconciliation.web;

import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.boxoffice.payment.reconciliation.Reconciliation;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Reconciliation spans every organization's payments: an admin's only. */
@WebSliceTest(ReconciliationController.class)
class ReconciliationControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Reconciliation reconciliation;

    @Test
    void refusesAnOrganizerAsForbiddenAndReconcilesNothing() throws Exception {
        http.perform(post("/api/v1/admin/payments/reconciliation")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(adminRequired());

        verifyNoInteractions(reconciliation);
    }

    @Test
    void refusesACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(post("/api/v1/admin/payments/reconciliation"))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(reconciliation);
    }
}
