package org.boxoffice.payment.payment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.boxoffice.payment.payment.PaymentNotFound;
import org.boxoffice.payment.payment.PaymentService;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Paying at the edge: only a provider's token (never a card), an Idempotency-Key, another buyer's payment not found. */
@WebSliceTest(PaymentController.class)
class PaymentControllerWebTest {

    private static final String PAYMENTS = "/api/v1/payments";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private PaymentService payments;

    @Test
    void refusesCardDetailsAndAMissingOrderNamingEachFieldAndChargesNothing() throws Exception {
        http.perform(post(PAYMENTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"paymentMethod": "tok_1", "card": {"number": "4242424242424242", "cvc": "123"}}
                                """))
                .andExpect(fieldsRefused("orderId", "card"));

        verifyNoInteractions(payments);
    }

    @Test
    void refusesAPaymentWithoutAnIdempotencyKeyNamingTheHeader() throws Exception {
        http.perform(post(PAYMENTS).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\": \"" + UUID.randomUUID() + "\", \"paymentMethod\": \"tok_1\"}"))
                .andExpect(problem(400, "invalid-parameter"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("Idempotency-Key")));

        verifyNoInteractions(payments);
    }

    /** The payment is looked up for the caller: another buyer's payment does not exist for them. */
    @Test
    void answersAnotherBuyersPaymentAsNotFound() throws Exception {
        UUID caller = UUID.randomUUID();
        UUID paymentId = UUID.randomUUID();
        AtomicReference<CurrentUser> askedFor = new AtomicReference<>();
        when(payments.get(eq(paymentId), any())).thenAnswer(call -> {
            askedFor.set(call.getArgument(1));
            throw new PaymentNotFound(paymentId);
        });

        http.perform(get(PAYMENTS + "/" + paymentId).header("Authorization", "Bearer " + TestTokens.buyer(caller)))
                .andExpect(problem(404, "payment-not-found"));

        assertThat(askedFor.get().id()).isEqualTo(caller);
    }

    @Test
    void refusesAnOrderIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get(PAYMENTS).param("orderId", "last-order").header("Authorization", "Bearer " + TestTokens.buyer()))
                .andExpect(parameterRefused("orderId"));

        verifyNoInteractions(payments);
    }

    @Test
    void answersACallerWithoutATokenWithA401Problem() throws Exception {
        http.perform(get(PAYMENTS + "/" + UUID.randomUUID()))
                .andExpect(problem(401, "unauthenticated"));

        verifyNoInteractions(payments);
    }
}
