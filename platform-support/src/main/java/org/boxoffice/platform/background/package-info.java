/** Work a service repeats in the background while it runs: relays, consumers, sweepers, pruners, workers. */
@NullMarked
package org.boxoffice.platform.background;

import org.jspecify.annotations.NullMarked;
