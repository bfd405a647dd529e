package org.boxoffice.payment.payment.web;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.boxoffice.payment.payment.PaymentService;
import org.boxoffice.payment.provider.InvalidWebhook;
import org.boxoffice.payment.provider.PaymentProvider;
import org.boxoffice.payment.provider.PaymentProviders;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Providers' webhooks need no token; a signature that does not verify is a 400 and changes nothing. */
@WebSliceTest(WebhookController.class)
class WebhookControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private PaymentProviders providers;
    @MockitoBean
    private PaymentService payments;

    @Test
    void refusesAWebhookWhoseSignatureDoesNotVerifyAndAppliesNothing() throws Exception {
        PaymentProvider sandbox = mock(PaymentProvider.class);
        when(providers.named("sandbox")).thenReturn(sandbox);
        when(sandbox.verifyWebhook(eq("t=1,v1=forged"), any(), any())).thenThrow(InvalidWebhook.badSignature());

        http.perform(post("/api/v1/webhooks/payments/sandbox").header("Boxoffice-Signature", "t=1,v1=forged")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"id\": \"evt_1\", \"type\": \"payment.succeeded\"}"))
                .andExpect(problem(400, "invalid-webhook-signature"));

        verifyNoInteractions(payments);
    }
}
