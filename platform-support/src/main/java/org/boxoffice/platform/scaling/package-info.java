/**
 * Predictive pre-scaling for scheduled on-sales: from the on-sales a service knows of ({@link OnSales}), raise the
 * minimum replicas of named HorizontalPodAutoscalers ahead of each sale and give them back after it
 * ({@link ScalingPlan}, {@link PreScaler}), within the shared stores' connection budgets ({@link ConnectionBudget}).
 * Off unless {@code boxoffice.prescaling.enabled}; dry-run by default.
 */
@NullMarked
package org.boxoffice.platform.scaling;

import org.jspecify.annotations.NullMarked;
