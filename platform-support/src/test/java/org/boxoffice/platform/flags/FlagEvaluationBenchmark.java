package org.boxoffice.platform.flags;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.core.io.ClassPathResource;

import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What the hold path's kill switch costs: one evaluation of {@code holds.paused} through the OpenFeature client with
 * the built-in provider and the metrics hook, as booking-service makes it on every hold (an account, an event and
 * its organization in the context), with no rule and with an event rule. Command and results in docs/performance.md
 * ("Micro-benchmarks").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlagEvaluationBenchmark {

    private final UUID account = UUID.randomUUID();
    private final UUID organization = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private OpenFeatureAPI api;
    private Flags plain;
    private Flags targeted;

    @Setup
    public void flags() {
        FlagDefinitions definitions = FlagDefinitions.load(new ClassPathResource("boxoffice-flags.json"));
        api = OpenFeatureAPI.createIsolated();
        plain = flags(api, "plain", new FlagState(definitions));
        FlagState withRule = new FlagState(definitions);
        withRule.apply(new FlagDocument(1, Map.of("holds.paused", new FlagSetting(false,
                List.of(new FlagRule(true, null, null, List.of(UUID.randomUUID()), null))))));
        targeted = flags(api, "targeted", withRule);
    }

    private static Flags flags(OpenFeatureAPI api, String domain, FlagState state) {
        api.setProviderAndWait(domain, new BoxofficeFlagProvider(state));
        var client = api.getClient(domain);
        client.addHooks(new FlagMetricsHook(new SimpleMeterRegistry()));
        return new Flags(client, state);
    }

    @TearDown
    public void shutDown() {
        api.shutdown();
    }

    @Benchmark
    public boolean killSwitch() {
        return plain.isOn("holds.paused", FlagContext.account(account).event(organization, event));
    }

    @Benchmark
    public boolean killSwitchWithAnEventRule() {
        return targeted.isOn("holds.paused", FlagContext.account(account).event(organization, event));
    }
}
