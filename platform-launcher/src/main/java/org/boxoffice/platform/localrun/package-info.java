/**
 * The whole platform on one machine with one command ({@code ./run.sh}): finds or starts PostgreSQL and Redis,
 * starts the six services, waits until each is ready, and stops everything on Ctrl-C.
 */
@NullMarked
package org.boxoffice.platform.localrun;

import org.jspecify.annotations.NullMarked;
