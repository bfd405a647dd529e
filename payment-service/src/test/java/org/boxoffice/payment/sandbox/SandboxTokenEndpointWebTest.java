package org.boxoffice.payment.sandbox;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The sandbox provider's tokenization: no account needed, each bad card field named, never echoed back. */
@WebSliceTest(SandboxTokenEndpoint.class)
class SandboxTokenEndpointWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private SandboxProvider sandbox;

    @Test
    void refusesABadCardNumberAndCvcNamingEachFieldWithoutEchoingThemAndIssuesNoToken() throws Exception {
        http.perform(post(SandboxTokenEndpoint.PATH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\": \"4242-4242\", \"expMonth\": 13, \"expYear\": 2030, \"cvc\": \"12a\"}"))
                .andExpect(fieldsRefused("number", "expMonth", "cvc"))
                .andExpect(jsonPath("$.detail").value(Matchers.not(Matchers.containsString("4242-4242"))));

        verifyNoInteractions(sandbox);
    }

    @Test
    void refusesAnExpiredCardWithItsOwnProblemAndIssuesNoToken() throws Exception {
        http.perform(post(SandboxTokenEndpoint.PATH).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\": \"4242424242424242\", \"expMonth\": 1, \"expYear\": 2001, \"cvc\": \"123\"}"))
                .andExpect(problem(422, "card-expired"));

        verifyNoInteractions(sandbox);
    }
}
