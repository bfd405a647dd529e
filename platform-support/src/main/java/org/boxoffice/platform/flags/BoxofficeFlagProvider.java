package org.boxoffice.platform.flags;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Reason;
import dev.openfeature.sdk.Value;

/**
 * The platform's own OpenFeature provider: evaluates boolean flags from this replica's {@link FlagState} (the file's
 * definitions and the runtime changes read from Redis) in memory, without I/O. Flags are on/off switches: asking for a
 * string, number or object flag is a {@code TYPE_MISMATCH}.
 *
 * <p>Reasons: {@code STATIC} when no rule matched (the flag's value for everyone), {@code TARGETING_MATCH} when a rule
 * on role, organization or event decided, {@code SPLIT} when a percentage rule did. The variant names the rule
 * ({@code rule-0}, …) or {@code default}.
 */
public final class BoxofficeFlagProvider implements FeatureProvider {

    static final String NAME = "boxoffice";

    private final FlagState state;

    public BoxofficeFlagProvider(FlagState state) {
        this.state = state;
    }

    @Override
    public Metadata getMetadata() {
        return () -> NAME;
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue, EvaluationContext ctx) {
        FlagSetting setting = state.setting(key);
        if (setting == null) {
            return ProviderEvaluation.<Boolean>builder().value(defaultValue).reason(Reason.ERROR.name())
                    .errorCode(ErrorCode.FLAG_NOT_FOUND).errorMessage("no flag named " + key).build();
        }
        FlagSetting.Resolution resolution = setting.resolve(key, FlagContext.of(ctx));
        String reason = resolution.rule() < 0 ? Reason.STATIC.name()
                : resolution.split() ? Reason.SPLIT.name() : Reason.TARGETING_MATCH.name();
        return ProviderEvaluation.<Boolean>builder().value(resolution.value()).reason(reason)
                .variant(resolution.rule() < 0 ? "default" : "rule-" + resolution.rule()).build();
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue, EvaluationContext ctx) {
        return mismatch(key, defaultValue);
    }

    private static <T> ProviderEvaluation<T> mismatch(String key, T defaultValue) {
        return ProviderEvaluation.<T>builder().value(defaultValue).reason(Reason.ERROR.name())
                .errorCode(ErrorCode.TYPE_MISMATCH).errorMessage("flag " + key + " is an on/off flag").build();
    }
}
