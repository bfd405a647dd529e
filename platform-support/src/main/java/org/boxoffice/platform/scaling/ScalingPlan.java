package org.boxoffice.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the minimum replicas of each target should be at one instant. An on-sale counts from {@code lead} before it
 * opens (enough for new pods to start and become ready before the first buyer) until {@code hold} after (the
 * surge and the payments that follow it); on-sales whose windows overlap add up, since their buyers arrive together.
 * The HPA keeps scaling above the minimum on its own metrics: the plan only sets the floor.
 *
 * @param at        the instant planned for
 * @param decisions one per target, in the order of the targets
 */
public record ScalingPlan(Instant at, List<Decision> decisions) {

    /**
     * One target's minimum.
     *
     * @param target      the autoscaler
     * @param minReplicas the minimum it should have now
     * @param buyers      the buyers expected from the on-sales in their windows now
     * @param onSales     those on-sales
     */
    public record Decision(ScaleTarget target, int minReplicas, long buyers, List<OnSale> onSales) {

        /** Whether this raises the target above its base minimum. */
        public boolean raised() {
            return minReplicas > target.baseMinReplicas();
        }

        String describe() {
            return target.autoscaler() + " minReplicas " + minReplicas + (onSales.isEmpty() ? " (base)"
                    : " for " + buyers + " buyers of " + onSales.stream()
                            .map(sale -> sale.id() + " at " + sale.opensAt()).collect(Collectors.joining(", ")));
        }
    }

    /** The plan at {@code now} for these on-sales and targets. */
    public static ScalingPlan at(Instant now, List<OnSale> onSales, List<ScaleTarget> targets, Duration lead,
            Duration hold) {
        List<OnSale> active = onSales.stream()
                .filter(sale -> !now.isBefore(sale.opensAt().minus(lead)) && now.isBefore(sale.opensAt().plus(hold)))
                .toList();
        long buyers = active.stream().mapToLong(OnSale::expectedBuyers).sum();
        return new ScalingPlan(now, targets.stream()
                .map(target -> new Decision(target, target.replicasFor(buyers), buyers, active)).toList());
    }

    /** One line per target, for the log. */
    public String describe() {
        return decisions.stream().map(Decision::describe).collect(Collectors.joining("; "));
    }
}
