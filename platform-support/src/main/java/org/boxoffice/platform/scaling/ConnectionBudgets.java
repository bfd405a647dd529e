package org.boxoffice.platform.scaling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits a plan's minimums into the shared stores' connection budgets. Per declared budget: the reserve and every
 * target's base minimum come first (the plan never goes below a base: those replicas exist whatever it decides); the
 * raises share what is left in proportion to the connections they ask for, and what rounding leaves is handed out
 * one replica at a time in the targets' order. A target that holds no connection on a store is not touched by its
 * budget. Budgets apply one after the other, so the result fits every one of them.
 *
 * <p>Why cap the replicas rather than shrink each replica's pool: a pool is sized for the concurrency one replica
 * serves, and Hikari fills it at start — a raised fleet of starved replicas would queue on its pools instead of the
 * HPA's, and the pods already running would keep their larger pools anyway.
 */
final class ConnectionBudgets {

    private ConnectionBudgets() {
    }

    static ScalingPlan cap(Instant at, List<ScalingPlan.Decision> wanted, List<ConnectionBudget> budgets) {
        int[] min = wanted.stream().mapToInt(ScalingPlan.Decision::minReplicas).toArray();
        List<ConnectionBudget> declared = budgets.stream().filter(ConnectionBudget::declared).toList();
        for (ConnectionBudget budget : declared) {
            fit(wanted, min, budget);
        }
        List<ScalingPlan.Decision> decisions = new ArrayList<>();
        for (int i = 0; i < min.length; i++) {
            ScalingPlan.Decision want = wanted.get(i);
            decisions.add(new ScalingPlan.Decision(want.target(), min[i], want.buyers(), want.onSales(),
                    want.minReplicas()));
        }
        int[] uncapped = wanted.stream().mapToInt(ScalingPlan.Decision::minReplicas).toArray();
        List<ScalingPlan.Demand> demands = declared.stream().map(budget -> new ScalingPlan.Demand(budget,
                connections(budget, wanted, min), connections(budget, wanted, uncapped))).toList();
        return new ScalingPlan(at, List.copyOf(decisions), demands);
    }

    /** The connections the targets hold at these replicas, with the budget's reserve. */
    static int connections(ConnectionBudget budget, List<ScalingPlan.Decision> targets, int[] replicas) {
        long sum = budget.reserved();
        for (int i = 0; i < replicas.length; i++) {
            sum += (long) replicas[i] * budget.store().perReplica(targets.get(i).target());
        }
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    private static void fit(List<ScalingPlan.Decision> wanted, int[] min, ConnectionBudget budget) {
        int n = min.length;
        int[] per = new int[n];
        int[] base = new int[n];
        int[] ceiling = min.clone();
        long atBase = budget.reserved();
        long raises = 0;
        for (int i = 0; i < n; i++) {
            ScaleTarget target = wanted.get(i).target();
            per[i] = budget.store().perReplica(target);
            base[i] = target.baseMinReplicas();
            atBase += (long) base[i] * per[i];
            raises += (long) (min[i] - base[i]) * per[i];
        }
        long available = Math.max(0, budget.maxConnections() - atBase);
        if (raises <= available) {
            return;
        }
        long used = 0;
        for (int i = 0; i < n; i++) {
            if (per[i] > 0) {
                int raise = (int) ((long) (min[i] - base[i]) * available / raises);
                min[i] = base[i] + raise;
                used += (long) raise * per[i];
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < n; i++) {
                if (per[i] > 0 && min[i] < ceiling[i] && used + per[i] <= available) {
                    min[i]++;
                    used += per[i];
                    grew = true;
                }
            }
        }
    }
}
