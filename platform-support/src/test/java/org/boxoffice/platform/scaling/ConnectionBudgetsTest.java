package org.boxoffice.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.boxoffice.platform.scaling.ConnectionBudget.Store;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan's minimums within PostgreSQL's and Redis' connection budgets: every replica holds its pool, so a raise
 * that the stores cannot serve is cut down — in proportion between the targets, never below a base minimum.
 */
class ConnectionBudgetsTest {

    private static final Duration LEAD = Duration.ofMinutes(10);
    private static final Duration HOLD = Duration.ofMinutes(30);
    private static final Instant OPENS = Instant.parse("2026-12-05T20:00:00Z");
    /** The gateway has no database; 5 Redis connections a replica. */
    private static final ScaleTarget GATEWAY = new ScaleTarget("gateway-service", 2, 20, 1_000, 0, 5);
    /** booking: a pool of 10 database connections and 20 Redis connections a replica. */
    private static final ScaleTarget BOOKING = new ScaleTarget("booking-service-blue", 3, 30, 500, 10, 20);

    @Test
    void aRaiseThatFitsTheBudgetIsNotTouched() {
        ScalingPlan plan = plan(6_000, database(300, 100));

        assertThat(minimums(plan)).containsExactly(6, 12);
        assertThat(plan.capped()).isFalse();
        assertThat(plan.demands()).singleElement().satisfies(demand -> {
            assertThat(demand.planned()).isEqualTo(100 + 12 * 10);
            assertThat(demand.wanted()).isEqualTo(demand.planned());
            assertThat(demand.fits()).isTrue();
        });
    }

    @Test
    void capsTheRaiseToWhatTheDatabaseHasLeftAndLeavesTargetsWithoutADatabaseAlone() {
        // 12,000 buyers ask for 24 booking replicas: 100 reserved + 240 = 340 connections, and 250 are there.
        ScalingPlan plan = plan(12_000, database(250, 100));

        assertThat(minimums(plan)).containsExactly(12, 15);
        ScalingPlan.Decision booking = plan.decisions().getLast();
        assertThat(booking.capped()).isTrue();
        assertThat(booking.wanted()).isEqualTo(24);
        assertThat(plan.decisions().getFirst().capped()).isFalse();
        assertThat(plan.demands().getFirst().planned()).isEqualTo(250);
        assertThat(plan.demands().getFirst().wanted()).isEqualTo(340);
        assertThat(plan.describe())
                .contains("booking-service-blue minReplicas 15 (24 wanted, capped by the connection budget) for 12000")
                .contains("database connections 250 of 250 (340 wanted)");
    }

    @Test
    void targetsShareAShortRedisBudgetInProportionAndTheRestGoesOneReplicaAtATime() {
        // At base: 200 reserved + 2 x 5 + 3 x 20 = 270; 235 left for raises asking 10 x 5 + 21 x 20 = 470.
        ScalingPlan plan = plan(12_000, redis(505, 200));

        // Half of each raise (5 and 10), then what rounding left: 10 connections, two more gateway replicas.
        assertThat(minimums(plan)).containsExactly(9, 13);
        assertThat(plan.decisions()).allMatch(ScalingPlan.Decision::capped);
        assertThat(plan.demands().getFirst().planned()).isEqualTo(200 + 9 * 5 + 13 * 20).isLessThanOrEqualTo(505);
    }

    @Test
    void thePlanFitsEveryDeclaredBudgetAtOnce() {
        ScalingPlan plan = plan(12_000, database(250, 100), redis(505, 200));

        // The database caps booking at 15 first; Redis then has room for 12 of them and the whole gateway raise.
        assertThat(minimums(plan)).containsExactly(12, 12);
        assertThat(plan.demands()).extracting(demand -> demand.budget().store()).containsExactly(Store.DATABASE,
                Store.REDIS);
        assertThat(plan.demands()).allMatch(ScalingPlan.Demand::fits);
    }

    @Test
    void neverGoesBelowTheBaseMinimumsEvenWhenTheyAloneExceedTheBudget() {
        ScalingPlan plan = plan(12_000, database(120, 100));

        assertThat(minimums(plan)).containsExactly(12, 3);
        assertThat(plan.demands().getFirst().fits()).isFalse();
        assertThat(plan.describe()).contains("database connections 130 of 120 (340 wanted) - the base minimums alone"
                + " exceed the budget");
    }

    @Test
    void anUndeclaredBudgetChecksNothing() {
        ScalingPlan plan = plan(60_000, database(0, 0), redis(0, 0));

        assertThat(minimums(plan)).containsExactly(20, 30);
        assertThat(plan.capped()).isFalse();
        assertThat(plan.demands()).isEmpty();
    }

    @Test
    void refusesNegativeBudgetsAndConnections() {
        assertThatThrownBy(() -> new ConnectionBudget(Store.DATABASE, -1, 0)).hasMessageContaining("database");
        assertThatThrownBy(() -> new ConnectionBudget(Store.REDIS, 10, -1)).hasMessageContaining("redis");
        assertThatThrownBy(() -> new ScaleTarget("booking", 1, 4, 10, -1, 0)).hasMessageContaining("connections");
    }

    private static ConnectionBudget database(int max, int reserved) {
        return new ConnectionBudget(Store.DATABASE, max, reserved);
    }

    private static ConnectionBudget redis(int max, int reserved) {
        return new ConnectionBudget(Store.REDIS, max, reserved);
    }

    private static ScalingPlan plan(long buyers, ConnectionBudget... budgets) {
        return ScalingPlan.at(OPENS, List.of(new OnSale("arena", OPENS, buyers)), List.of(GATEWAY, BOOKING), LEAD,
                HOLD, List.of(budgets));
    }

    private static List<Integer> minimums(ScalingPlan plan) {
        return plan.decisions().stream().map(ScalingPlan.Decision::minReplicas).toList();
    }
}
