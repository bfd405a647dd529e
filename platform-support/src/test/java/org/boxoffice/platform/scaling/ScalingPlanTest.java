package org.boxoffice.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScalingPlanTest {

    private static final Duration LEAD = Duration.ofMinutes(10);
    private static final Duration HOLD = Duration.ofMinutes(30);
    private static final Instant EIGHT_PM = Instant.parse("2026-12-05T20:00:00Z");
    static final ScaleTarget GATEWAY = new ScaleTarget("gateway-service", 2, 20, 1_000);
    static final ScaleTarget BOOKING = new ScaleTarget("booking-service-blue", 3, 30, 500);
    private static final List<ScaleTarget> TARGETS = List.of(GATEWAY, BOOKING);

    /** A day of on-sales: a small club night, a big arena at 20:00, a second one at 20:15, a stadium at 21:00. */
    private static final List<OnSale> DAY = List.of(
            new OnSale("club", Instant.parse("2026-12-05T10:00:00Z"), 800),
            new OnSale("arena", EIGHT_PM, 6_000),
            new OnSale("theatre", EIGHT_PM.plus(Duration.ofMinutes(15)), 2_000),
            new OnSale("stadium", Instant.parse("2026-12-05T21:00:00Z"), 60_000));

    @Test
    void withNoOnSaleInItsWindowEveryTargetKeepsItsBaseMinimum() {
        ScalingPlan plan = plan(Instant.parse("2026-12-05T15:00:00Z"));

        assertThat(plan.decisions()).extracting(ScalingPlan.Decision::minReplicas).containsExactly(2, 3);
        assertThat(plan.decisions()).noneMatch(ScalingPlan.Decision::raised);
    }

    @Test
    void raisesEachTargetByItsOwnCapacityFromTheLeadTimeBeforeTheSale() {
        ScalingPlan plan = plan(EIGHT_PM.minus(LEAD));

        assertThat(plan.decisions()).extracting(ScalingPlan.Decision::minReplicas).containsExactly(6, 12);
        assertThat(plan.decisions().getFirst().onSales()).extracting(OnSale::id).containsExactly("arena");
        assertThat(plan.describe()).contains("booking-service-blue minReplicas 12 for 6000 buyers of arena");
    }

    @Test
    void doesNotRaiseBeforeTheLeadTime() {
        assertThat(minimums(EIGHT_PM.minus(LEAD).minusSeconds(1))).containsExactly(2, 3);
    }

    @Test
    void overlappingOnSalesAddUpAndTheRaiseEndsAfterTheHold() {
        assertThat(minimums(EIGHT_PM.plus(Duration.ofMinutes(10)))).as("arena and theatre").containsExactly(8, 16);
        assertThat(minimums(EIGHT_PM.plus(HOLD))).as("theatre only").containsExactly(2, 4);
        assertThat(minimums(EIGHT_PM.plus(Duration.ofMinutes(15)).plus(HOLD))).as("after both").containsExactly(2, 3);
    }

    @Test
    void neverAsksForMoreThanTheAutoscalersMaximum() {
        ScalingPlan plan = plan(Instant.parse("2026-12-05T21:05:00Z"));

        assertThat(plan.decisions()).extracting(ScalingPlan.Decision::minReplicas).containsExactly(20, 30);
        assertThat(plan.decisions().getLast().buyers()).isEqualTo(60_000);
    }

    @Test
    void aSmallSaleStaysAtTheBaseMinimum() {
        ScalingPlan plan = plan(Instant.parse("2026-12-05T10:00:00Z"));

        assertThat(plan.decisions()).extracting(ScalingPlan.Decision::minReplicas).containsExactly(2, 3);
        assertThat(plan.decisions().getLast().onSales()).extracting(OnSale::id).containsExactly("club");
        assertThat(plan.decisions()).noneMatch(ScalingPlan.Decision::raised);
    }

    @Test
    void targetsAndOnSalesRefuseNonsense() {
        assertThatThrownBy(() -> new ScaleTarget("booking", 5, 4, 500)).hasMessageContaining("baseMinReplicas");
        assertThatThrownBy(() -> new ScaleTarget("booking", 1, 4, 0)).hasMessageContaining("buyersPerReplica");
        assertThatThrownBy(() -> new ScaleTarget(" ", 1, 4, 10)).hasMessageContaining("name");
        assertThatThrownBy(() -> new OnSale("x", EIGHT_PM, -1)).hasMessageContaining("negative");
    }

    private static ScalingPlan plan(Instant now) {
        return ScalingPlan.at(now, DAY, TARGETS, LEAD, HOLD);
    }

    private static List<Integer> minimums(Instant now) {
        return plan(now).decisions().stream().map(ScalingPlan.Decision::minReplicas).toList();
    }
}
