package org.boxoffice.booking.ticket.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.ticket.TicketNotFound;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Door check-in at the edge: exactly one of code or QR payload, and another organization's ticket not found. */
@WebSliceTest(CheckInController.class)
class CheckInControllerWebTest {

    private static final String CHECK_INS = "/api/v1/admin/check-ins";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private TicketService tickets;
    @MockitoBean
    private AttendeeQuestions attendeeQuestions;

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"code\": \" \"}", "{\"code\": \"BX-7K2Q\", \"qrPayload\": \"v1.abc.def\"}" })
    void refusesNeitherOrBothOfCodeAndPayloadNamingTheCodeAndAdmitsNoOne(String body) throws Exception {
        http.perform(post(CHECK_INS).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));

        verifyNoInteractions(tickets);
    }

    @Test
    void refusesACodeLongerThanAnyTicketsNamingIt() throws Exception {
        http.perform(post(CHECK_INS).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"" + "X".repeat(65) + "\"}"))
                .andExpect(fieldsRefused("code"));

        verifyNoInteractions(tickets);
    }

    /** A ticket of another organization's event is not found for this organizer, not forbidden. */
    @Test
    void answersAnotherOrganizationsTicketAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(tickets.checkIn(any(), eq("BX-7K2Q"), isNull())).thenAnswer(access.notFound(new TicketNotFound("BX-7K2Q")));

        http.perform(post(CHECK_INS).header("Authorization", "Bearer " + TestTokens.organizer(mine))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"BX-7K2Q\"}"))
                .andExpect(problem(404, "ticket-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerFromCheckingTicketsIn() throws Exception {
        http.perform(post(CHECK_INS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"BX-7K2Q\"}"))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(tickets);
    }
}
