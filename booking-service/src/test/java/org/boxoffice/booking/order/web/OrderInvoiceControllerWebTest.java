package org.boxoffice.booking.order.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.order.OrderNotFound;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Invoices are read only through an order the caller may see: otherwise a problem, never a PDF. */
@WebSliceTest(OrderInvoiceController.class)
class OrderInvoiceControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private OrderQueries orders;
    @MockitoBean
    private Invoicing invoicing;

    @Test
    void answersTheInvoicePdfOfAnotherBuyersOrderWithANotFoundProblemNotAPdf() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        when(orders.get(caller, orderId)).thenThrow(new OrderNotFound(orderId));

        http.perform(get("/api/v1/orders/" + orderId + "/invoices/" + UUID.randomUUID())
                        .header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://boxoffice.dev/problems/order-not-found"));

        verifyNoInteractions(invoicing);
    }

    @Test
    void answersAnotherOrganizationsOrderInvoicesAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(orders.ofEvent(any(), eq(eventId), any(UUID.class))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get("/api/v1/admin/events/" + eventId + "/orders/" + UUID.randomUUID() + "/invoices")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
        verifyNoInteractions(invoicing);
    }

    @Test
    void refusesAnInvoiceIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/orders/" + UUID.randomUUID() + "/invoices/INV-000042")
                        .header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(parameterRefused("invoiceId"));

        verifyNoInteractions(orders, invoicing);
    }
}
