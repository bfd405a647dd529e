/** The organizer and admin HTTP API of the analytics read model, and its CSV export. */
@NullMarked
package org.boxoffice.analytics.report.web;

import org.jspecify.annotations.NullMarked;
