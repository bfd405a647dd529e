package org.boxoffice.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the minimum replicas of each target should be at one instant. An on-sale counts from {@code lead} before it
 * opens (enough for new pods to start and become ready before the first buyer) until {@code hold} after (the
 * surge and the payments that follow it); on-sales whose windows overlap add up, since their buyers arrive together.
 * The HPA keeps scaling above the minimum on its own metrics: the plan only sets the floor.
 *
 * <p>The floor is capped by the shared stores' connection budgets ({@link ConnectionBudgets}): a raise whose pools
 * would not fit PostgreSQL's or Redis' connections is cut down, never below a target's base minimum.
 *
 * @param at        the instant planned for
 * @param decisions one per target, in the order of the targets
 * @param demands   the connections the planned minimums hold, one per declared budget
 */
public record ScalingPlan(Instant at, List<Decision> decisions, List<Demand> demands) {

    public ScalingPlan(Instant at, List<Decision> decisions) {
        this(at, decisions, List.of());
    }

    /**
     * One target's minimum.
     *
     * @param target      the autoscaler
     * @param minReplicas the minimum it should have now
     * @param buyers      the buyers expected from the on-sales in their windows now
     * @param onSales     those on-sales
     * @param wanted      the minimum the buyers ask for, before the connection budgets: more than {@code minReplicas}
     *                    when a budget capped it
     */
    public record Decision(ScaleTarget target, int minReplicas, long buyers, List<OnSale> onSales, int wanted) {

        public Decision(ScaleTarget target, int minReplicas, long buyers, List<OnSale> onSales) {
            this(target, minReplicas, buyers, onSales, minReplicas);
        }

        /** Whether this raises the target above its base minimum. */
        public boolean raised() {
            return minReplicas > target.baseMinReplicas();
        }

        /** Whether a connection budget kept this minimum below what the buyers ask for. */
        public boolean capped() {
            return minReplicas < wanted;
        }

        String describe() {
            return target.autoscaler() + " minReplicas " + minReplicas
                    + (capped() ? " (" + wanted + " wanted, capped by the connection budget)" : "")
                    + (onSales.isEmpty() ? " (base)" : " for " + buyers + " buyers of " + onSales.stream()
                            .map(sale -> sale.id() + " at " + sale.opensAt()).collect(Collectors.joining(", ")));
        }
    }

    /**
     * One store's connections at the plan's minimums.
     *
     * @param budget  the store's budget
     * @param planned the connections at the planned minimums, with the budget's reserve
     * @param wanted  the connections the uncapped minimums would have needed
     */
    public record Demand(ConnectionBudget budget, int planned, int wanted) {

        /** Whether the planned minimums fit (they do unless the base minimums alone exceed the budget). */
        public boolean fits() {
            return planned <= budget.maxConnections();
        }

        String describe() {
            return budget.store().label() + " connections " + planned + " of " + budget.maxConnections()
                    + (wanted > planned ? " (" + wanted + " wanted)" : "")
                    + (fits() ? "" : " - the base minimums alone exceed the budget");
        }
    }

    /** The plan at {@code now} for these on-sales and targets, with no connection budget. */
    public static ScalingPlan at(Instant now, List<OnSale> onSales, List<ScaleTarget> targets, Duration lead,
            Duration hold) {
        return at(now, onSales, targets, lead, hold, List.of());
    }

    /** The plan at {@code now} for these on-sales and targets, within the declared connection budgets. */
    public static ScalingPlan at(Instant now, List<OnSale> onSales, List<ScaleTarget> targets, Duration lead,
            Duration hold, List<ConnectionBudget> budgets) {
        List<OnSale> active = onSales.stream()
                .filter(sale -> !now.isBefore(sale.opensAt().minus(lead)) && now.isBefore(sale.opensAt().plus(hold)))
                .toList();
        long buyers = active.stream().mapToLong(OnSale::expectedBuyers).sum();
        List<Decision> wanted = targets.stream()
                .map(target -> new Decision(target, target.replicasFor(buyers), buyers, active)).toList();
        return ConnectionBudgets.cap(now, wanted, budgets);
    }

    /** Whether a connection budget capped any target. */
    public boolean capped() {
        return decisions.stream().anyMatch(Decision::capped);
    }

    /** One line per target, then the connections per declared budget, for the log. */
    public String describe() {
        return Stream.concat(decisions.stream().map(Decision::describe), demands.stream().map(Demand::describe))
                .collect(Collectors.joining("; "));
    }
}
