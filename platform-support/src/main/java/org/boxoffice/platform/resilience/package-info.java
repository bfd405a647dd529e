/** Resilience4j settings a service builds its own circuit breakers from. */
@NullMarked
package org.boxoffice.platform.resilience;

import org.jspecify.annotations.NullMarked;
