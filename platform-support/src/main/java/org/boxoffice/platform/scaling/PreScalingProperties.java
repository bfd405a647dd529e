package org.boxoffice.platform.scaling;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Predictive pre-scaling ({@code boxoffice.prescaling.*}; the chart's {@code preScaling} values). Checked at start:
 * a target without a name, a minimum above its maximum or a non-positive capacity stops the service.
 *
 * @param enabled   whether the pre-scaler runs at all (off by default)
 * @param dryRun    log the plan instead of changing any autoscaler (the default: turn it off once the plan looks right)
 * @param interval  how often the plan is made and applied
 * @param lead      how long before an on-sale opens its minimum is raised: more than an HPA period plus a pod's start
 * @param hold      how long after it opened the minimum stays raised
 * @param namespace the autoscalers' namespace; empty: the pod's own (the service account's {@code namespace} file,
 *                  next to its token)
 * @param apiServer the Kubernetes API
 * @param tokenFile the service account token (re-read every call: it is rotated)
 * @param caFile    the API server's CA
 * @param targets   the autoscalers to raise
 * @param budget    the shared stores' connection budgets the plan's minimums must fit (none declared by default)
 * @param autoStartup whether the pre-scaler runs in the background (tests call {@link PreScaler#apply()} themselves)
 */
@Validated
@ConfigurationProperties("boxoffice.prescaling")
public record PreScalingProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("true") boolean dryRun,
        @DefaultValue("30s") Duration interval,
        @DefaultValue("10m") Duration lead,
        @DefaultValue("30m") Duration hold,
        @DefaultValue("") String namespace,
        @DefaultValue("https://kubernetes.default.svc") URI apiServer,
        @DefaultValue("/var/run/secrets/kubernetes.io/serviceaccount/token") Path tokenFile,
        @DefaultValue("/var/run/secrets/kubernetes.io/serviceaccount/ca.crt") Path caFile,
        @DefaultValue List<@Valid Target> targets,
        @DefaultValue @Valid Budgets budget,
        @DefaultValue("true") boolean autoStartup) {

    public PreScalingProperties {
        if (!interval.isPositive() || lead.isNegative() || !hold.isPositive()) {
            throw new IllegalArgumentException("boxoffice.prescaling: interval and hold must be positive, lead not negative");
        }
        if (enabled && targets.isEmpty()) {
            throw new IllegalArgumentException("boxoffice.prescaling.enabled needs at least one target");
        }
        targets.forEach(Target::toScaleTarget);
        budgets(budget);
    }

    /**
     * An autoscaler to raise ({@link ScaleTarget}).
     *
     * @param autoscaler       the HPA's name
     * @param baseMinReplicas  its minimum outside on-sales
     * @param maxReplicas      its maximum
     * @param buyersPerReplica buyers one replica serves at an on-sale
     * @param databaseConnections PostgreSQL connections one replica holds (its pool; 0: none)
     * @param redisConnections    Redis connections one replica may open
     */
    public record Target(@NotBlank String autoscaler, @Positive int baseMinReplicas, @Positive int maxReplicas,
            @DefaultValue("500") @Positive int buyersPerReplica,
            @DefaultValue("0") @PositiveOrZero int databaseConnections,
            @DefaultValue("0") @PositiveOrZero int redisConnections) {

        ScaleTarget toScaleTarget() {
            return new ScaleTarget(autoscaler, baseMinReplicas, maxReplicas, buyersPerReplica, databaseConnections,
                    redisConnections);
        }
    }

    /**
     * The connection budgets ({@link ConnectionBudget}), per store.
     *
     * @param database PostgreSQL's
     * @param redis    Redis'
     */
    public record Budgets(@DefaultValue @Valid Budget database, @DefaultValue @Valid Budget redis) {
    }

    /**
     * One store's budget.
     *
     * @param maxConnections connections the platform may hold on the store; 0: not declared, not checked
     * @param reserved       connections of everything the plan does not scale, at its most
     */
    public record Budget(@DefaultValue("0") @PositiveOrZero int maxConnections,
            @DefaultValue("0") @PositiveOrZero int reserved) {
    }

    List<ConnectionBudget> connectionBudgets() {
        return budgets(budget);
    }

    private static List<ConnectionBudget> budgets(Budgets budget) {
        return List.of(new ConnectionBudget(ConnectionBudget.Store.DATABASE, budget.database().maxConnections(),
                        budget.database().reserved()),
                new ConnectionBudget(ConnectionBudget.Store.REDIS, budget.redis().maxConnections(),
                        budget.redis().reserved()));
    }

    List<ScaleTarget> scaleTargets() {
        return targets.stream().map(Target::toScaleTarget).toList();
    }
}
