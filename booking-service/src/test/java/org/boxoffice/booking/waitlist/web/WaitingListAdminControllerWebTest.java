package org.boxoffice.booking.waitlist.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.event.EventStateConflict;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.waitlist.WaitingListAdmin;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An event's waiting list for its organizer: the setting's bounds, a closed event, another organization's event. */
@WebSliceTest(WaitingListAdminController.class)
class WaitingListAdminControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private WaitingListAdmin lists;

    private static String listOf(UUID eventId) {
        return "/api/v1/admin/events/" + eventId + "/waiting-list";
    }

    @Test
    void refusesASettingWithoutEnabledOrClaimMinutesNamingBoth() throws Exception {
        http.perform(put(listOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(fieldsRefused("enabled", "claimMinutes"));

        verifyNoInteractions(lists);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1441 })
    void refusesAnOfferTimeOutsideOneMinuteToADay(int minutes) throws Exception {
        http.perform(put(listOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"claimMinutes\": " + minutes + "}"))
                .andExpect(fieldsRefused("claimMinutes"));

        verifyNoInteractions(lists);
    }

    @Test
    void answersChangingACancelledEventsListAsAStateConflict() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(lists.configure(any(), eq(eventId), anyBoolean(), anyInt())).thenThrow(
                new EventStateConflict(eventId, EventStatus.CANCELLED, "A CANCELLED event's waiting list cannot be changed."));

        http.perform(put(listOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true, \"claimMinutes\": 30}"))
                .andExpect(problem(409, "event-state-conflict"));
    }

    @Test
    void setsTheListAndAnswersItsFiguresWithConversion() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID sectionId = UUID.randomUUID();
        WaitingListAdmin.Figures section = new WaitingListAdmin.Figures(sectionId, 4, 1, 8, 6, 2, 1, 1);
        WaitingListAdmin.Figures total = new WaitingListAdmin.Figures(null, 4, 1, 8, 6, 2, 1, 1);
        when(lists.configure(any(), eq(eventId), eq(true), eq(45)))
                .thenReturn(new WaitingListAdmin.Overview(eventId, true, 45, total, List.of(section)));

        http.perform(put(listOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true, \"claimMinutes\": 45}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.claimMinutes").value(45))
                .andExpect(jsonPath("$.total.conversionPercent").value(25))
                .andExpect(jsonPath("$.sections[0].sectionId").value(sectionId.toString()))
                .andExpect(jsonPath("$.sections[0].offersMade").value(8));
    }

    @Test
    void answersAnotherOrganizationsListAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(lists.overview(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get(listOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void answersChangingAnotherOrganizationsListAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(lists.configure(any(), eq(eventId), anyBoolean(), anyInt()))
                .thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(put(listOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false, \"claimMinutes\": 30}"))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerOutOfTheWaitingListSettings() throws Exception {
        http.perform(get(listOf(UUID.randomUUID())).header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(lists);
    }
}
