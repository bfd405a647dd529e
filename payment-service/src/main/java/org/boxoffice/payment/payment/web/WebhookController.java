package org.boxoffice.payment.payment.web;

import java.time.Clock;
import java.util.Map;

import org.boxoffice.payment.payment.PaymentService;
import org.boxoffice.payment.provider.PaymentProvider;
import org.boxoffice.payment.provider.PaymentProviders;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Where providers report outcomes. Public (no bearer token): trust comes from the provider's signature, checked over
 * the raw bytes before anything is parsed or changed. A forged or stale webhook gets a 400 problem; an event already
 * applied gets 200 again, so the provider stops retrying without a second effect.
 */
@Tag(name = "Webhooks", description = "Calls from payment providers, verified by their signature")
@RestController
class WebhookController {

    private final PaymentProviders providers;
    private final PaymentService payments;
    private final Clock clock;

    WebhookController(PaymentProviders providers, PaymentService payments, Clock clock) {
        this.providers = providers;
        this.payments = payments;
        this.clock = clock;
    }

    @PostMapping("/api/v1/webhooks/payments/{provider}")
    @Operation(operationId = "receivePaymentWebhook", summary = "Receive a payment provider's event",
            description = "No bearer token: the `Boxoffice-Signature` header (the sandbox provider's HMAC) is checked "
                    + "instead. An event already applied is acknowledged again.")
    @ApiResponse(responseCode = "200", description = "Received and applied")
    @ApiResponse(responseCode = "400", description = "`invalid-webhook-signature`, `stale-webhook` or `malformed-webhook`.")
    Map<String, Object> receive(@PathVariable String provider,
            @RequestHeader(name = "Boxoffice-Signature", required = false) @Nullable String signature,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The provider's event as it sent it: "
                    + "a JSON object, read as raw bytes because the signature covers them exactly",
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "object")))
            @RequestBody byte[] body) {
        PaymentProvider source = providers.named(provider);
        PaymentProvider.ProviderEvent event = source.verifyWebhook(signature, body, clock.instant());
        PaymentService.WebhookResult result = payments.apply(source.name(), event);
        return Map.of("received", true, "eventId", event.id(), "result", result.name());
    }
}
