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
 *
 * <p>A plan capped by a connection budget ({@link ConnectionBudgets}) is applied as capped and logged as a warning at
 * each change; {@code boxoffice.prescaling.capped.replicas} shows per autoscaler the replicas the budget withheld, and
 * {@code boxoffice.prescaling.connections} (with {@code boxoffice.prescaling.connections.budget}) per store the
 * connections the planned minimums hold.
 */
public class PreScaler extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(PreScaler.class);

    private final OnSales onSales;
    private final Autoscalers autoscalers;
    private final PreScalingProperties properties;
    private final List<ScaleTarget> targets;
    private final List<ConnectionBudget> budgets;
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
        this.budgets = properties.connectionBudgets();
        this.runner = runner;
        this.clock = clock;
        this.latest = new ScalingPlan(Instant.EPOCH, List.of());
        for (ScaleTarget target : targets) {
            Gauge.builder("boxoffice.prescaling.min.replicas", this, scaler -> scaler.planned(target))
                    .description("The minimum replicas the pre-scaling plan sets (dry run: would set)")
                    .tag("autoscaler", target.autoscaler()).register(meters);
            Gauge.builder("boxoffice.prescaling.capped.replicas", this, scaler -> scaler.withheld(target))
                    .description("Replicas the connection budgets withheld from the plan's minimum")
                    .tag("autoscaler", target.autoscaler()).register(meters);
        }
        for (ConnectionBudget budget : budgets) {
            if (budget.declared()) {
                String store = budget.store().label();
                Gauge.builder("boxoffice.prescaling.connections", this, scaler -> scaler.connections(budget))
                        .description("Connections the planned minimums hold on the store, with the reserve")
                        .tag("store", store).register(meters);
                Gauge.builder("boxoffice.prescaling.connections.budget", budget, ConnectionBudget::maxConnections)
                        .description("Connections the platform may hold on the store").tag("store", store)
                        .register(meters);
            }
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
        ScalingPlan plan = ScalingPlan.at(now, coming, targets, properties.lead(), properties.hold(), budgets);
        latest = plan;
        String described = plan.describe();
        boolean changed = !Objects.equals(described, lastPlan);
        lastPlan = described;
        boolean overBudget = plan.capped() || !plan.demands().stream().allMatch(ScalingPlan.Demand::fits);
        if (changed && overBudget) {
            log.warn("Pre-scaling plan{} capped by the connection budget (raise the budget, or lower the pools): {}",
                    properties.dryRun() ? " (dry run, nothing changed)" : "", described);
        } else if (changed && properties.dryRun()) {
            log.info("Pre-scaling plan (dry run, nothing changed): {}", described);
        }
        if (properties.dryRun()) {
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

    private double withheld(ScaleTarget target) {
        return latest.decisions().stream().filter(decision -> decision.target().equals(target))
                .mapToInt(decision -> decision.wanted() - decision.minReplicas()).findFirst().orElse(0);
    }

    private double connections(ConnectionBudget budget) {
        return latest.demands().stream().filter(demand -> demand.budget().equals(budget))
                .mapToInt(ScalingPlan.Demand::planned).findFirst().orElse(0);
    }

    @Override
    protected boolean runOnce() {
        apply();
        return false;
    }
}
