package org.boxoffice.booking.ticket.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.ticket.TicketExamples;
import org.boxoffice.booking.ticket.TicketTransfers;
import org.boxoffice.platform.testing.TestTokens;
import org.hamcrest.Matchers;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An event's transfer rule at the edge: a rule must say whether, another organization's event is not found. */
@WebSliceTest(TransferPolicyController.class)
class TransferPolicyControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private TicketTransfers transfers;

    private static String policyOf(UUID eventId) {
        return "/api/v1/admin/events/" + eventId + "/transfer-policy";
    }

    /** A body without {@code enabled} (or with null) must not quietly turn transfers off. */
    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"enabled\": null}", "{\"deadline\": \"2027-03-01T18:00:00Z\"}" })
    void refusesARuleThatDoesNotSayWhetherTransfersAreAllowed(String body) throws Exception {
        http.perform(put(policyOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("enabled")));

        verifyNoInteractions(transfers);
    }

    @Test
    void refusesADeadlineThatIsNotAnInstantNamingIt() throws Exception {
        http.perform(put(policyOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": true, \"deadline\": \"next friday\"}"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("deadline")));

        verifyNoInteractions(transfers);
    }

    @Test
    void refusesAnEventIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/admin/events/spring-gala/transfer-policy")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("eventId"));

        verifyNoInteractions(transfers);
    }

    @Test
    void setsTheRuleAndAnswersIt() throws Exception {
        UUID eventId = UUID.randomUUID();
        Instant deadline = Instant.parse("2027-03-01T18:00:00Z");
        when(transfers.setPolicy(any(), eq(eventId), eq(false), eq(deadline)))
                .thenReturn(TicketExamples.transferPolicy(eventId, false, deadline));

        http.perform(put(policyOf(eventId))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enabled\": false, \"deadline\": \"2027-03-01T18:00:00Z\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eventId").value(eventId.toString()))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.deadline").value("2027-03-01T18:00:00Z"));
    }

    @Test
    void answersTheDefaultRuleWithoutADeadline() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(transfers.policy(any(), eq(eventId))).thenReturn(TicketExamples.transferPolicy(eventId, true, null));

        http.perform(get(policyOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.deadline").doesNotExist());
    }

    @Test
    void answersAnotherOrganizationsEventsRuleAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(transfers.policy(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get(policyOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void answersChangingAnotherOrganizationsRuleAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(transfers.setPolicy(any(), eq(eventId), anyBoolean(), isNull()))
                .thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(put(policyOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": true}"))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerFromChangingTheRule() throws Exception {
        http.perform(put(policyOf(UUID.randomUUID())).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\": false}"))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(transfers);
    }
}
