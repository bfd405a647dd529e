package org.boxoffice.notification.delivery.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.notification.delivery.DeliveryRetries;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The delivery log is an admin's (it spans every organization's buyers); its filters are checked at the edge. */
@WebSliceTest(DeliveryAdminController.class)
class DeliveryAdminControllerWebTest {

    private static final String DELIVERIES = "/api/v1/admin/notifications/deliveries";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private DeliveryRetries retries;

    @Test
    void refusesAnUnknownStatusNamingTheParameter() throws Exception {
        http.perform(get(DELIVERIES).param("status", "LOST").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(parameterRefused("status"));

        verifyNoInteractions(retries);
    }

    @Test
    void refusesAPageSizeOverTheLimitNamingIt() throws Exception {
        http.perform(get(DELIVERIES).param("size", "500").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));

        verifyNoInteractions(retries);
    }

    @Test
    void refusesAnOrganizerAsForbiddenAndRetriesNothing() throws Exception {
        http.perform(post(DELIVERIES + "/" + UUID.randomUUID() + "/retry")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(adminRequired());

        verifyNoInteractions(retries);
    }
}
