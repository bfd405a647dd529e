/** Configuration of analytics-service: typed settings and its problem types. */
@NullMarked
package org.boxoffice.analytics.system;

import org.jspecify.annotations.NullMarked;
