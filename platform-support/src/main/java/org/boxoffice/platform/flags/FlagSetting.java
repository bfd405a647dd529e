package org.boxoffice.platform.flags;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A flag's setting: its value for everyone ({@code defaultValue}) unless one of its {@code rules} matches the caller;
 * the first matching rule wins.
 */
public record FlagSetting(boolean defaultValue, @Nullable List<FlagRule> rules) {

    public FlagSetting {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** This setting as JSON, as it is stored and published. */
    public String toJson() {
        return FlagDocument.mapper().writeValueAsString(this);
    }

    /** Reads {@link #toJson()}. */
    public static FlagSetting fromJson(String json) {
        return FlagDocument.mapper().readValue(json, FlagSetting.class);
    }

    /** The same value for everyone. */
    public static FlagSetting fixed(boolean value) {
        return new FlagSetting(value, List.of());
    }

    @Override
    public List<FlagRule> rules() {
        return rules == null ? List.of() : rules;
    }

    /** How the flag resolves for the caller: the value, and which rule (index) decided it, or -1 for the default. */
    public Resolution resolve(String flag, FlagContext context) {
        List<FlagRule> all = rules();
        for (int i = 0; i < all.size(); i++) {
            FlagRule rule = all.get(i);
            if (rule.matches(flag, context)) {
                return new Resolution(rule.value(), i, rule.split());
            }
        }
        return new Resolution(defaultValue, -1, false);
    }

    /**
     * @param rule  the index of the rule that decided, -1 when none matched
     * @param split whether that rule was a percentage split
     */
    public record Resolution(boolean value, int rule, boolean split) {
    }
}
