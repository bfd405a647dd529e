/** Demo data for a local run, behind {@code boxoffice.demo.enabled}. */
@NullMarked
package org.boxoffice.booking.demo;

import org.jspecify.annotations.NullMarked;
