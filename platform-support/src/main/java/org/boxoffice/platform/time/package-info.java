/** The service's one {@link java.time.Clock}. */
@NullMarked
package org.boxoffice.platform.time;

import org.jspecify.annotations.NullMarked;
