/**
 * Reading the sale: the figures, breakdowns and time series aggregated from the fact rows, for one event or for the
 * whole platform. Definitions of every figure are in docs/analytics.md.
 */
@NullMarked
package org.boxoffice.analytics.report;

import org.jspecify.annotations.NullMarked;
