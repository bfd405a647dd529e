package org.boxoffice.booking.admission.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.UUID;

import org.boxoffice.booking.admission.WaitingRoomService;
import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An event's waiting room setting at the edge: rates in range, on/off required, another organization's not found. */
@WebSliceTest(WaitingRoomAdminController.class)
class WaitingRoomAdminControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private WaitingRoomService rooms;

    @Test
    void refusesAMissingSwitchAndARateOfZeroNamingEachFieldAndChangesNothing() throws Exception {
        http.perform(put("/api/v1/admin/events/" + UUID.randomUUID() + "/waiting-room")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ratePerMinute\": 0, \"passMinutes\": 61}"))
                .andExpect(fieldsRefused("enabled", "ratePerMinute", "passMinutes"));

        verifyNoInteractions(rooms);
    }

    @Test
    void answersAnotherOrganizationsEventAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(rooms.get(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get("/api/v1/admin/events/" + eventId + "/waiting-room")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void refusesAnUnknownAdmissionModeAsAMalformedRequest() throws Exception {
        http.perform(put("/api/v1/admin/events/" + UUID.randomUUID() + "/waiting-room")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true, \"mode\": \"LOTTERY\"}"))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(rooms);
    }
}
