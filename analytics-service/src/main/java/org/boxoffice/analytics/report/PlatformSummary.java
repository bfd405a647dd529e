package org.boxoffice.analytics.report;

/**
 * Every event on the platform taken together.
 *
 * @param events        events with any sale activity
 * @param organizations organizations those events belong to
 */
public record PlatformSummary(long events, long organizations, SalesFigures figures) {
}
