/**
 * Feature flags through OpenFeature: one provider for the whole platform ({@link BoxofficeFlagProvider}) with the
 * flags and their defaults from a file, runtime changes read from Redis every second by every replica
 * ({@link FlagRefresher}) and kept when Redis does not answer, targeting by role, organization, event and a stable
 * percentage of accounts ({@link FlagRule}), and every evaluation counted ({@link FlagMetricsHook}). Services ask
 * {@link Flags}; another OpenFeature provider (flagd, a vendor's) replaces the built-in one by configuration
 * (docs/feature-flags.md).
 */
@NullMarked
package org.boxoffice.platform.flags;

import org.jspecify.annotations.NullMarked;
