package org.boxoffice.payment.sandbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.boxoffice.payment.payment.CardExpired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox provider's tokenization endpoint — the provider's, not Boxoffice's payment API: in production a real
 * provider's script in the buyer's browser posts the card to the provider, and Boxoffice only ever receives the token.
 * It exists only while the sandbox is the provider for new payments ({@code boxoffice.payment.provider=sandbox}), and
 * like a provider's publishable-key endpoint it needs no Boxoffice token. The card number and CVC are validated and
 * dropped: nothing of them but the last four digits is kept, and nothing of them is logged.
 */
@RestController
@Tag(name = "Sandbox provider", description = "The built-in test provider's own API (not part of Boxoffice's)")
@ConditionalOnProperty(name = "boxoffice.payment.provider", havingValue = SandboxProvider.NAME, matchIfMissing = true)
class SandboxTokenEndpoint {

    static final String PATH = "/sandbox/v1/tokens";

    private final SandboxProvider sandbox;
    private final Clock clock;

    SandboxTokenEndpoint(SandboxProvider sandbox, Clock clock) {
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /** Card details as the buyer's browser sends them to the provider. */
    record CardDetails(
            @NotNull @Pattern(regexp = "\\d{12,19}", message = "must be 12 to 19 digits") String number,
            @NotNull @Min(1) @Max(12) Integer expMonth,
            @NotNull @Min(2000) @Max(2100) Integer expYear,
            @NotNull @Pattern(regexp = "\\d{3,4}", message = "must be 3 or 4 digits") String cvc) {

        @Override
        public String toString() {
            return "CardDetails[****]";
        }
    }

    record CardSummary(String last4, int expMonth, int expYear) {
    }

    record TokenResponse(String id, String object, CardSummary card, Instant expiresAt) {
    }

    @PostMapping(PATH)
    @Operation(operationId = "createSandboxToken",
            summary = "Turn card details into a single-use payment method token (pay with it at /api/v1/payments)",
            description = "4242424242424242 pays; docs/payments.md lists the cards that fail.")
    @ApiResponse(responseCode = "201", description = "The token")
    @ApiResponse(responseCode = "422", description = "`card-expired`.")
    ResponseEntity<TokenResponse> tokenize(@Valid @RequestBody CardDetails card) {
        if (YearMonth.of(card.expYear(), card.expMonth()).isBefore(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))) {
            throw new CardExpired(card.expMonth(), card.expYear());
        }
        SandboxProvider.SandboxToken token = sandbox.tokenize(card.number(), card.expMonth(), card.expYear());
        return ResponseEntity.created(URI.create(PATH + "/" + token.id())).body(new TokenResponse(token.id(), "token",
                new CardSummary(token.last4(), token.expMonth(), token.expYear()), token.expiresAt()));
    }
}
