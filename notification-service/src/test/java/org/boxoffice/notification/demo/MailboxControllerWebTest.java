package org.boxoffice.notification.demo;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The demo mailbox (demo mode only) is an admin's: other callers refused, bad parameters and numbers named. */
@WebSliceTest(MailboxController.class)
@TestPropertySource(properties = "boxoffice.demo.enabled=true")
class MailboxControllerWebTest {

    private static final String MAILBOX = "/api/v1/admin/notifications/mailbox";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private DemoMailbox mailbox;

    @Test
    void refusesAnOrganizerAsForbiddenAndOpensNothing() throws Exception {
        http.perform(get(MAILBOX).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(adminRequired());

        verifyNoInteractions(mailbox);
    }

    @Test
    void refusesAnUnknownFormatNamingTheParameter() throws Exception {
        http.perform(get(MAILBOX + "/1").param("format", "pdf").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(parameterRefused("format"));

        verifyNoInteractions(mailbox);
    }

    @Test
    void answersAMessageNumberBeyondTheMailboxAsNotFound() throws Exception {
        when(mailbox.messages()).thenReturn(List.of());

        http.perform(get(MAILBOX + "/3").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(problem(404, "message-not-found"))
                .andExpect(jsonPath("$.messageId").value(3));
    }

    @Test
    void refusesAMessageNumberThatIsNotANumberNamingTheParameter() throws Exception {
        http.perform(get(MAILBOX + "/latest").header("Authorization", "Bearer " + TestTokens.admin()))
                .andExpect(parameterRefused("id"));

        verifyNoInteractions(mailbox);
    }
}
