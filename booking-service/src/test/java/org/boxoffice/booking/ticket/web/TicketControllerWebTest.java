package org.boxoffice.booking.ticket.web;

import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.ticket.TicketTransfers;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.booking.order.OrderNotFound;
import org.boxoffice.booking.ticket.TicketNotFound;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A buyer's tickets at the edge: the order to list is required, and another buyer's ticket does not exist. */
@WebSliceTest(TicketController.class)
class TicketControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private TicketService tickets;
    @MockitoBean
    private TicketTransfers ticketTransfers;
    @MockitoBean
    private AttendeeQuestions attendeeQuestions;

    @Test
    void refusesAListWithoutAnOrderNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/tickets").header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(400, "invalid-parameter"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("orderId")));

        verifyNoInteractions(tickets);
    }

    @Test
    void answersTheTicketsOfAnotherBuyersOrderAsNotFound() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        when(tickets.ofOrder(caller, orderId)).thenThrow(new OrderNotFound(orderId));

        http.perform(get("/api/v1/tickets").param("orderId", orderId.toString())
                        .header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(problem(404, "order-not-found"));
    }

    @Test
    void answersAnotherBuyersTicketAsNotFound() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID ticketId = UUID.randomUUID();
        when(tickets.get(caller, ticketId)).thenThrow(new TicketNotFound(ticketId.toString()));

        http.perform(get("/api/v1/tickets/" + ticketId).header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(problem(404, "ticket-not-found"));
    }
}
