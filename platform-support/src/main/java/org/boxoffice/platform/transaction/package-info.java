/** Work tied to the outcome of the current transaction: the platform's one way to run something at commit. */
@NullMarked
package org.boxoffice.platform.transaction;

import org.jspecify.annotations.NullMarked;
