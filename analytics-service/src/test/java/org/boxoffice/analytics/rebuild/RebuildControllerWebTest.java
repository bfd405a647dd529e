package org.boxoffice.analytics.rebuild;

import static org.boxoffice.platform.testing.ProblemResults.adminRequired;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Rebuilding the read model replays every organization's history: an admin's button only. */
@WebSliceTest(RebuildController.class)
class RebuildControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private ReadModelRebuild rebuild;

    @Test
    void refusesAnOrganizerAsForbiddenAndRebuildsNothing() throws Exception {
        http.perform(post("/api/v1/admin/analytics/rebuild")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(adminRequired());

        verifyNoInteractions(rebuild);
    }
}
