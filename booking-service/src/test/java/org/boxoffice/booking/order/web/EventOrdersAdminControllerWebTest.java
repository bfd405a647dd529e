package org.boxoffice.booking.order.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An event's orders for its organizer: parameters checked at the edge, another organization's event not found. */
@WebSliceTest(EventOrdersAdminController.class)
@Import(OrderViews.class)
class EventOrdersAdminControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private OrderQueries orders;
    @MockitoBean
    private AttendeeQuestions attendeeQuestions;
    @MockitoBean
    private Cancellations cancellations;
    @MockitoBean
    private HoldService holds;

    @Test
    void refusesAnUnknownOrderStatusNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/admin/events/" + UUID.randomUUID() + "/orders").param("status", "PAID_TWICE")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("status"));

        verifyNoInteractions(orders);
    }

    @Test
    void refusesAnIncludeCheckedInThatIsNotABooleanAndCancelsNothing() throws Exception {
        http.perform(post("/api/v1/admin/events/" + UUID.randomUUID() + "/orders/" + UUID.randomUUID() + "/cancel")
                        .param("includeCheckedIn", "maybe")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("includeCheckedIn"));

        verifyNoInteractions(cancellations);
    }

    @Test
    void answersAnotherOrganizationsEventOrdersAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(orders.ofEvent(any(), eq(eventId), any(), any())).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get("/api/v1/admin/events/" + eventId + "/orders")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void answersACancellationOnAnotherOrganizationsEventAsNotFound() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(cancellations.cancel(any(), eq(eventId), any(), any()))
                .thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(post("/api/v1/admin/events/" + eventId + "/orders/" + UUID.randomUUID() + "/cancel")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void keepsABuyerOutOfAnEventsOrders() throws Exception {
        http.perform(get("/api/v1/admin/events/" + UUID.randomUUID() + "/orders")
                        .header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(orders, cancellations, holds);
    }
}
