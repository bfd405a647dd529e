package org.boxoffice.user.flag.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagRule;
import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A flag's new setting: its value for everyone, and rules (first match wins) that give another value to callers with
 * a role, of an organization, about an event, or a stable share of accounts.
 */
record FlagSettingRequest(@NotNull Boolean defaultValue, @Nullable @Size(max = 50) List<@Valid @NotNull Rule> rules) {

    /**
     * @param percentage 0-100 of accounts, the same accounts every time
     */
    record Rule(@NotNull Boolean value,
            @Nullable @Size(max = 3) List<@NotNull @Pattern(regexp = "BUYER|ORGANIZER|ADMIN") String> roles,
            @Nullable @Size(max = 1000) List<@NotNull UUID> organizations,
            @Nullable @Size(max = 1000) List<@NotNull UUID> events,
            @Nullable @Min(0) @Max(100) Integer percentage) {
    }

    FlagSetting toSetting() {
        return new FlagSetting(defaultValue, rules == null ? List.of() : rules.stream()
                .map(rule -> new FlagRule(rule.value(), rule.roles(), rule.organizations(), rule.events(),
                        rule.percentage()))
                .toList());
    }
}
