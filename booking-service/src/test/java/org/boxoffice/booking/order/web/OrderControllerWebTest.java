package org.boxoffice.booking.order.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.OrderNotFound;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A buyer's orders at the edge: checkout validation, and another buyer's order answered as not found. */
@WebSliceTest(OrderController.class)
@Import(OrderViews.class)
class OrderControllerWebTest {

    private static final String ORDERS = "/api/v1/orders";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Checkout checkout;
    @MockitoBean
    private AttendeeQuestions attendeeQuestions;
    @MockitoBean
    private Cancellations cancellations;
    @MockitoBean
    private OrderQueries orders;

    @Test
    void refusesACheckoutWithoutAHoldOrWithAnEmptyCodeNamingEachFieldAndChecksNothingOut() throws Exception {
        http.perform(post(ORDERS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"promoCode\": \"\"}"))
                .andExpect(fieldsRefused("holdId", "promoCode"));

        verifyNoInteractions(checkout);
    }

    @Test
    void refusesAHoldIdThatIsNotAUuidAsAMalformedRequest() throws Exception {
        http.perform(post(ORDERS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"holdId\": \"my-hold\"}"))
                .andExpect(problem(400, "malformed-request"));

        verifyNoInteractions(checkout);
    }

    /** The order is looked up as the caller's: another buyer's order does not exist for them. */
    @Test
    void answersAnotherBuyersOrderAsNotFound() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        when(orders.get(caller, orderId)).thenThrow(new OrderNotFound(orderId));

        http.perform(get(ORDERS + "/" + orderId).header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(problem(404, "order-not-found"));

        verify(orders).get(eq(caller), eq(orderId));
    }

    @Test
    void cancelsOnlyAsTheCallerAndAnswersAnotherBuyersOrderAsNotFound() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        when(cancellations.cancelByBuyer(caller, orderId)).thenThrow(new OrderNotFound(orderId));

        http.perform(post(ORDERS + "/" + orderId + "/cancel").header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(problem(404, "order-not-found"));
    }

    @Test
    void refusesAPageSizeOverTheLimitNamingIt() throws Exception {
        http.perform(get(ORDERS).param("size", "1000").header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("size"));

        verifyNoInteractions(orders);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get(ORDERS))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(orders);
    }
}
