package org.boxoffice.payment.refund.web;

import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.payment.refund.RefundService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Refunds are an admin's: amounts checked at the edge, organizers refused (payment cannot see their organization). */
@WebSliceTest(RefundController.class)
class RefundControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private RefundService refunds;

    @Test
    void refusesANegativeAmountNamingItAndRefundsNothing() throws Exception {
        http.perform(post("/api/v1/admin/payments/" + UUID.randomUUID() + "/refunds")
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\": -500}"))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("amountMinor"));

        verifyNoInteractions(refunds);
    }

    @Test
    void refusesAnAmountWrittenAsADecimalAsAMalformedRequest() throws Exception {
        http.perform(post("/api/v1/admin/payments/" + UUID.randomUUID() + "/refunds")
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\": 12.5}"))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(refunds);
    }

    @Test
    void refusesAnOrganizerAsForbiddenAndRefundsNothing() throws Exception {
        http.perform(post("/api/v1/admin/payments/" + UUID.randomUUID() + "/refunds")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(adminRequired());

        verifyNoInteractions(refunds);
    }
}
