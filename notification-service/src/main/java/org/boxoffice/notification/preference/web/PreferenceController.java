package org.boxoffice.notification.preference.web;

import java.time.Instant;

import org.boxoffice.notification.preference.PhoneVerification;
import org.boxoffice.notification.preference.PreferenceView;
import org.boxoffice.notification.preference.PreferenceService;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The caller's own channel preferences. Transactional messages always go by email too, whatever is chosen here. */
@Tag(name = "Notification preferences", description = "How a buyer wants to be told: language, SMS, WhatsApp")
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferenceController {

    private final PreferenceService preferences;
    private final PhoneVerification verification;

    PreferenceController(PreferenceService preferences, PhoneVerification verification) {
        this.preferences = preferences;
        this.verification = verification;
    }

    record PreferenceRequest(
            @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code such as en or de") String locale,
            @NotNull Boolean smsOptIn, @NotNull Boolean whatsappOptIn,
            @Nullable @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4915112345678") String phone) {
    }

    /** @param phoneVerified whether texts may go to {@code phone}: confirmed with a code */
    record PreferenceResponse(String locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone,
            boolean phoneVerified) {

        static PreferenceResponse of(PreferenceView preference) {
            return new PreferenceResponse(preference.locale().toLanguageTag(), preference.smsOptIn(),
                    preference.whatsappOptIn(), preference.phone(), preference.phoneVerified());
        }
    }

    record CodeSentResponse(String phone, String channel, Instant expiresAt) {
    }

    record ConfirmRequest(@NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6-digit code") String code) {
    }

    @GetMapping
    @Operation(operationId = "getNotificationPreferences", summary = "Get the caller's notification preferences")
    PreferenceResponse get(CurrentUser user) {
        return PreferenceResponse.of(preferences.get(user));
    }

    /** Saves the preferences. A new phone number starts unconfirmed: no text goes to it before its code is back. */
    @PutMapping
    @Operation(operationId = "updateNotificationPreferences", summary = "Save the caller's notification preferences",
            description = "A new phone number starts unconfirmed: no text goes to it before its code is back.")
    PreferenceResponse put(CurrentUser user, @Valid @RequestBody PreferenceRequest request) {
        return PreferenceResponse.of(preferences.update(user, request.locale(), request.smsOptIn(),
                request.whatsappOptIn(), request.phone()));
    }

    /** Sends a 6-digit code to the phone number in the preferences (by SMS, else WhatsApp). */
    @PostMapping("/phone-verification")
    @Operation(operationId = "requestPhoneVerificationCode",
            summary = "Send a 6-digit code to the phone number in the preferences (by SMS, else WhatsApp)")
    @ApiResponse(responseCode = "202", description = "A code is on its way")
    @ApiResponse(responseCode = "409", description = "`phone-not-set`, `phone-already-verified` or `no-phone-channel`.")
    @ApiResponse(responseCode = "429", description = "`too-many-verification-codes`: retry after `Retry-After`.")
    ResponseEntity<CodeSentResponse> requestCode(CurrentUser user) {
        PhoneVerification.CodeSent sent = verification.requestCode(user);
        return ResponseEntity.accepted().body(new CodeSentResponse(sent.phone(), sent.channel().name(),
                sent.expiresAt()));
    }

    /** Confirms the phone number with the code it received. */
    @PostMapping("/phone-verification/confirm")
    @Operation(operationId = "confirmPhone", summary = "Confirm the phone number with the code it received")
    @ApiResponse(responseCode = "200", description = "The preferences, phone verified")
    @ApiResponse(responseCode = "422", description = "`invalid-verification-code` or `verification-code-expired`.")
    PreferenceResponse confirm(CurrentUser user, @Valid @RequestBody ConfirmRequest request) {
        return PreferenceResponse.of(verification.confirm(user, request.code()));
    }
}
