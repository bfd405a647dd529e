package org.boxoffice.notification.preference.web;

import org.boxoffice.notification.preference.Preference;
import org.boxoffice.notification.preference.PreferenceService;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The caller's own channel preferences. Transactional messages always go by email too, whatever is chosen here. */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
class PreferenceController {

    private final PreferenceService preferences;

    PreferenceController(PreferenceService preferences) {
        this.preferences = preferences;
    }

    record PreferenceRequest(
            @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter language code such as en or de") String locale,
            @NotNull Boolean smsOptIn, @NotNull Boolean whatsappOptIn,
            @Nullable @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +4915112345678") String phone) {
    }

    record PreferenceResponse(String locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone) {

        static PreferenceResponse of(Preference preference) {
            return new PreferenceResponse(preference.locale().toLanguageTag(), preference.smsOptIn(),
                    preference.whatsappOptIn(), preference.phone());
        }
    }

    @GetMapping
    PreferenceResponse get(CurrentUser user) {
        return PreferenceResponse.of(preferences.get(user));
    }

    @PutMapping
    PreferenceResponse put(CurrentUser user, @Valid @RequestBody PreferenceRequest request) {
        return PreferenceResponse.of(preferences.update(user, request.locale(), request.smsOptIn(),
                request.whatsappOptIn(), request.phone()));
    }
}
