package org.boxoffice.payment.sandbox;

import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.UUID;

import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The sandbox's faults are set by an admin for a chaos run or a test, each within its bounds. */
@WebSliceTest(SandboxFaultsController.class)
class SandboxFaultsControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private SandboxFaults faults;

    @Test
    void refusesFaultsOutOfBoundsOrMissingNamingEachFieldAndSetsNothing() throws Exception {
        http.perform(put(SandboxFaultsController.PATH).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delayMillis\": 60001, \"failurePercent\": -1}"))
                .andExpect(fieldsRefused("delayMillis", "failurePercent", "lostAnswerPercent"));

        verifyNoInteractions(faults);
    }

    @Test
    void refusesAnOrganizerAsAdminRequiredAndNeitherReadsNorSetsTheFaults() throws Exception {
        String organizer = "Bearer " + TestTokens.organizer(UUID.randomUUID());

        http.perform(get(SandboxFaultsController.PATH).header("Authorization", organizer))
                .andExpect(adminRequired());
        http.perform(put(SandboxFaultsController.PATH).header("Authorization", organizer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delayMillis\": 0, \"failurePercent\": 100, \"lostAnswerPercent\": 0}"))
                .andExpect(adminRequired())
                .andExpect(jsonPath("$.detail").value("Only an admin may set the sandbox provider's faults."));

        verifyNoInteractions(faults);
    }

    @Test
    void setsTheFaultsForAnAdminAndAnswersThemAsTheyAreNow() throws Exception {
        SandboxFaults.Setting slow = new SandboxFaults.Setting(Duration.ofMillis(250), 10, 5);
        when(faults.current()).thenReturn(slow);

        http.perform(put(SandboxFaultsController.PATH).header("Authorization", "Bearer " + TestTokens.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"delayMillis\": 250, \"failurePercent\": 10, \"lostAnswerPercent\": 5}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delayMillis").value(250))
                .andExpect(jsonPath("$.failurePercent").value(10))
                .andExpect(jsonPath("$.lostAnswerPercent").value(5));

        verify(faults).set(slow);
    }
}
