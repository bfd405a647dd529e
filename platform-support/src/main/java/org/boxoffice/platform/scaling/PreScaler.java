package org.boxoffice.platform.scaling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.background.SingleRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the {@link ScalingPlan} every interval and applies it: each target's {@code minReplicas} is set to the plan's
 * when it differs (raised ahead of an on-sale, given back after, and put right again after anything else changed it —
 * a {@code helm upgrade} resets it to the chart's value). One replica at a time does it ({@link SingleRunner}). In
 * dry-run mode it only logs what it would set, once per change of plan.
 */
public class PreScaler extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(PreScaler.class);

    private final OnSales onSales;
    private final Autoscalers autoscalers;
    private final PreScalingProperties properties;
    private final List<ScaleTarget> targets;
    private final SingleRunner runner;
    private final Clock clock;
    private volatile String lastPlan = "";
    private volatile ScalingPlan latest;

    PreScaler(OnSales onSales, Autoscalers autoscalers, PreScalingProperties properties, SingleRunner runner,
            Clock clock, MeterRegistry meters, boolean autoStartup) {
        super("pre-scaler", properties.interval(), autoStartup);
        this.onSales = onSales;
        this.autoscalers = autoscalers;
        this.properties = properties;
        this.targets = properties.scaleTargets();
        this.runner = runner;
        this.clock = clock;
        this.latest = new ScalingPlan(Instant.EPOCH, List.of());
        for (ScaleTarget target : targets) {
            Gauge.builder("boxoffice.prescaling.min.replicas", this, scaler -> scaler.planned(target))
                    .description("The minimum replicas the pre-scaling plan sets (dry run: would set)")
                    .tag("autoscaler", target.autoscaler()).register(meters);
        }
    }

    /** Makes the plan for now and applies it (or logs it, in dry-run mode); empty when another replica runs it. */
    public Optional<ScalingPlan> apply() {
        return runner.callExclusively(this::planAndApply);
    }

    /** One round, inside the single runner (package-private for the unit tests, which leave the runner out). */
    ScalingPlan planAndApply() {
        Instant now = clock.instant();
        List<OnSale> coming = onSales.openingBetween(now.minus(properties.hold()), now.plus(properties.lead()));
        ScalingPlan plan = ScalingPlan.at(now, coming, targets, properties.lead(), properties.hold());
        latest = plan;
        String described = plan.describe();
        boolean changed = !Objects.equals(described, lastPlan);
        lastPlan = described;
        if (properties.dryRun()) {
            if (changed) {
                log.info("Pre-scaling plan (dry run, nothing changed): {}", described);
            }
            return plan;
        }
        for (ScalingPlan.Decision decision : plan.decisions()) {
            String autoscaler = decision.target().autoscaler();
            int current = autoscalers.minReplicas(autoscaler);
            if (current != decision.minReplicas()) {
                autoscalers.setMinReplicas(autoscaler, decision.minReplicas());
                log.info("Pre-scaling: {} minReplicas {} -> {} ({})", autoscaler, current, decision.minReplicas(),
                        decision.onSales().isEmpty() ? "no on-sale in its window" : described);
            }
        }
        return plan;
    }

    private double planned(ScaleTarget target) {
        return latest.decisions().stream().filter(decision -> decision.target().equals(target))
                .mapToInt(ScalingPlan.Decision::minReplicas).findFirst().orElse(target.baseMinReplicas());
    }

    @Override
    protected boolean runOnce() {
        apply();
        return false;
    }
}
