package org.boxoffice.platform.scaling;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.boxoffice.platform.background.SingleRunner;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-scaler applies the plan to the autoscalers, and in dry-run mode touches none. */
class PreScalerTest {

    private static final Instant OPENS = Instant.parse("2026-12-05T20:00:00Z");
    private static final List<OnSale> ARENA = List.of(new OnSale("arena", OPENS, 6_000));

    private final RecordingAutoscalers autoscalers = new RecordingAutoscalers(Map.of(
            "gateway-service", 2, "booking-service-blue", 3));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void raisesTheMinimumsAheadOfTheSaleAndGivesThemBackAfterIt() {
        assertThat(scaler(false, OPENS.minus(Duration.ofMinutes(9))).planAndApply()).isNotNull();
        assertThat(autoscalers.min).containsEntry("gateway-service", 6).containsEntry("booking-service-blue", 12);
        assertThat(meters.get("boxoffice.prescaling.min.replicas").tag("autoscaler", "booking-service-blue").gauge()
                .value()).isEqualTo(12);

        scaler(false, OPENS.plus(Duration.ofMinutes(31))).planAndApply();

        assertThat(autoscalers.min).containsEntry("gateway-service", 2).containsEntry("booking-service-blue", 3);
        assertThat(autoscalers.patches).containsExactly("gateway-service=6", "booking-service-blue=12",
                "gateway-service=2", "booking-service-blue=3");
    }

    @Test
    void putsTheMinimumRightAgainAfterSomethingElseResetIt() {
        PreScaler scaler = scaler(false, OPENS.minus(Duration.ofMinutes(5)));
        scaler.planAndApply();
        autoscalers.min.put("booking-service-blue", 3); // a helm upgrade renders the chart's minimum again

        scaler.planAndApply();

        assertThat(autoscalers.min).containsEntry("booking-service-blue", 12);
        assertThat(autoscalers.patches).containsExactly("gateway-service=6", "booking-service-blue=12",
                "booking-service-blue=12");
    }

    @Test
    void aDryRunChangesNothingButStillPlans() {
        ScalingPlan plan = scaler(true, OPENS.minus(Duration.ofMinutes(5))).planAndApply();

        assertThat(plan.decisions()).extracting(ScalingPlan.Decision::minReplicas).containsExactly(6, 12);
        assertThat(autoscalers.patches).isEmpty();
        assertThat(autoscalers.reads).isZero();
    }

    @Test
    void appliesAPlanCappedByTheDatabaseBudgetAndShowsWhatItWithheld() {
        // 6,000 buyers ask for 12 booking replicas of 10 connections: 100 reserved + 120 = 220, and 190 are there.
        PreScalingProperties.Budgets budget = new PreScalingProperties.Budgets(
                new PreScalingProperties.Budget(190, 100), new PreScalingProperties.Budget(0, 0));

        scaler(false, OPENS.minus(Duration.ofMinutes(5)), budget).planAndApply();

        assertThat(autoscalers.min).containsEntry("gateway-service", 6).containsEntry("booking-service-blue", 9);
        assertThat(meters.get("boxoffice.prescaling.capped.replicas").tag("autoscaler", "booking-service-blue").gauge()
                .value()).isEqualTo(3);
        assertThat(meters.get("boxoffice.prescaling.capped.replicas").tag("autoscaler", "gateway-service").gauge()
                .value()).isZero();
        assertThat(meters.get("boxoffice.prescaling.connections").tag("store", "database").gauge().value())
                .isEqualTo(190);
        assertThat(meters.get("boxoffice.prescaling.connections.budget").tag("store", "database").gauge().value())
                .isEqualTo(190);
        assertThat(meters.find("boxoffice.prescaling.connections").tag("store", "redis").gauge())
                .as("no Redis budget declared").isNull();
    }

    private PreScaler scaler(boolean dryRun, Instant now) {
        return scaler(dryRun, now, new PreScalingProperties.Budgets(new PreScalingProperties.Budget(0, 0),
                new PreScalingProperties.Budget(0, 0)));
    }

    private PreScaler scaler(boolean dryRun, Instant now, PreScalingProperties.Budgets budget) {
        PreScalingProperties properties = new PreScalingProperties(true, dryRun, Duration.ofSeconds(30),
                Duration.ofMinutes(10), Duration.ofMinutes(30), "boxoffice", URI.create("https://kubernetes.default.svc"),
                Path.of("token"), Path.of("ca.crt"), List.of(
                        new PreScalingProperties.Target("gateway-service", 2, 20, 1_000, 0, 4),
                        new PreScalingProperties.Target("booking-service-blue", 3, 30, 500, 10, 114)), budget, false);
        // planAndApply bypasses the single runner, which SingleRunnerIT covers on a real database.
        return new PreScaler((from, to) -> ARENA.stream()
                .filter(sale -> !sale.opensAt().isBefore(from) && !sale.opensAt().isAfter(to)).toList(),
                autoscalers, properties, new SingleRunner(new DriverManagerDataSource(), "pre-scaler-test"),
                Clock.fixed(now, ZoneOffset.UTC), meters, false);
    }

    /** Stands in for the Kubernetes API (its HTTP is KubernetesAutoscalersTest's). */
    static final class RecordingAutoscalers implements Autoscalers {

        final Map<String, Integer> min;
        final List<String> patches = new ArrayList<>();
        int reads;

        RecordingAutoscalers(Map<String, Integer> initial) {
            this.min = new HashMap<>(initial);
        }

        @Override
        public int minReplicas(String autoscaler) {
            reads++;
            return min.get(autoscaler);
        }

        @Override
        public void setMinReplicas(String autoscaler, int minReplicas) {
            patches.add(autoscaler + "=" + minReplicas);
            min.put(autoscaler, minReplicas);
        }
    }
}
