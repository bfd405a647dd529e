/** Business metrics for Prometheus, read from the sales read model. */
@NullMarked
package org.boxoffice.analytics.metrics;

import org.jspecify.annotations.NullMarked;
