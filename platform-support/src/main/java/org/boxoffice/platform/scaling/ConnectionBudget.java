package org.boxoffice.platform.scaling;

/**
 * What one shared data store can give the fleets the pre-scaling plan raises. Every replica of a service holds its
 * pool (Hikari opens {@code maximum-pool-size} connections and keeps them; Redisson its command and subscription
 * pools), so the connections a plan asks for are its minimum replicas times each target's connections per replica,
 * plus what everything the plan does not scale may hold.
 *
 * @param store          which store
 * @param maxConnections connections the whole platform may hold on it: PostgreSQL's {@code max_connections} less its
 *                       reserved slots and every client that is not a Boxoffice service (Redis: {@code maxclients}
 *                       likewise); 0: not declared, nothing is checked
 * @param reserved       connections held, at their most, by what the plan does not scale: the other services'
 *                       {@code maxReplicas ×} pool (the chart's render check computes it)
 */
public record ConnectionBudget(Store store, int maxConnections, int reserved) {

    /** The shared stores whose connections the plan counts, and each target's connections per replica on it. */
    public enum Store {
        DATABASE, REDIS;

        int perReplica(ScaleTarget target) {
            return this == DATABASE ? target.databaseConnections() : target.redisConnections();
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ConnectionBudget {
        if (maxConnections < 0 || reserved < 0) {
            throw new IllegalArgumentException(store.label() + " connection budget: maxConnections and reserved must"
                    + " not be negative, got " + maxConnections + " and " + reserved);
        }
    }

    /** Whether a budget was declared at all (otherwise the plan is not checked against this store). */
    public boolean declared() {
        return maxConnections > 0;
    }
}
