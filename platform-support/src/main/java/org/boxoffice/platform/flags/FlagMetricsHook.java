package org.boxoffice.platform.flags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.openfeature.sdk.FlagEvaluationDetails;
import dev.openfeature.sdk.Hook;
import dev.openfeature.sdk.HookContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts every flag evaluation, whatever the provider, as {@code boxoffice.flags.evaluations} tagged with the flag,
 * the value it gave, the reason ({@code STATIC}, {@code TARGETING_MATCH}, {@code SPLIT}, {@code ERROR}, or the
 * provider's own) and the error code ({@code none} when it worked). Counters are looked up once per combination, so
 * counting costs an evaluation a map lookup and an increment.
 */
final class FlagMetricsHook implements Hook<Object> {

    static final String METER = "boxoffice.flags.evaluations";

    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    FlagMetricsHook(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void finallyAfter(HookContext<Object> ctx, FlagEvaluationDetails<Object> details,
            Map<String, Object> hints) {
        String flag = ctx.getFlagKey();
        String value = String.valueOf(details.getValue());
        String reason = details.getReason() == null ? "UNKNOWN" : details.getReason();
        String error = details.getErrorCode() == null ? "none" : details.getErrorCode().name();
        counters.computeIfAbsent(flag + '\u0000' + value + '\u0000' + reason + '\u0000' + error,
                key -> Counter.builder(METER).description("Feature flag evaluations")
                        .tag("flag", flag).tag("value", value).tag("reason", reason).tag("error", error)
                        .register(meters))
                .increment();
    }
}
