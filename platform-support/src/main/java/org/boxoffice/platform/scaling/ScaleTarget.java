package org.boxoffice.platform.scaling;

/**
 * One HorizontalPodAutoscaler the pre-scaler may raise.
 *
 * @param autoscaler          the HPA's name in the pod's namespace
 * @param baseMinReplicas     its minimum outside on-sales (the chart's {@code autoscaling.minReplicas}): restored after
 * @param maxReplicas         its maximum (the chart's {@code autoscaling.maxReplicas}): the plan never asks for more
 * @param buyersPerReplica    how many buyers arriving at an on-sale one replica serves without shedding load
 * @param databaseConnections PostgreSQL connections one replica holds (its pool, the chart's {@code dbPoolSize}; 0
 *                            for a service without a database)
 * @param redisConnections    Redis connections one replica may open (the chart's {@code redisConnections})
 */
public record ScaleTarget(String autoscaler, int baseMinReplicas, int maxReplicas, int buyersPerReplica,
        int databaseConnections, int redisConnections) {

    public ScaleTarget {
        if (autoscaler.isBlank()) {
            throw new IllegalArgumentException("a scale target needs the autoscaler's name");
        }
        if (baseMinReplicas < 1 || maxReplicas < baseMinReplicas) {
            throw new IllegalArgumentException(autoscaler + ": need 1 <= baseMinReplicas <= maxReplicas, got "
                    + baseMinReplicas + " and " + maxReplicas);
        }
        if (buyersPerReplica < 1) {
            throw new IllegalArgumentException(autoscaler + ": buyersPerReplica must be positive");
        }
        if (databaseConnections < 0 || redisConnections < 0) {
            throw new IllegalArgumentException(autoscaler + ": connections per replica must not be negative");
        }
    }

    /** A target whose connections are not counted (no budget declared for it). */
    public ScaleTarget(String autoscaler, int baseMinReplicas, int maxReplicas, int buyersPerReplica) {
        this(autoscaler, baseMinReplicas, maxReplicas, buyersPerReplica, 0, 0);
    }

    /** The replicas {@code buyers} need, within this target's minimum and maximum. */
    int replicasFor(long buyers) {
        long needed = (buyers + buyersPerReplica - 1) / buyersPerReplica;
        return (int) Math.clamp(needed, baseMinReplicas, maxReplicas);
    }
}
