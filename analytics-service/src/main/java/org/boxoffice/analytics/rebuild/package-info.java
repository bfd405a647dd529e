/** Rebuilding the read model from the event streams' history. */
@NullMarked
package org.boxoffice.analytics.rebuild;

import org.jspecify.annotations.NullMarked;
