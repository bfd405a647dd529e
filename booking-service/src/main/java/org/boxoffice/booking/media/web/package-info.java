/** Serving stored images. */
@NullMarked
package org.boxoffice.booking.media.web;

import org.jspecify.annotations.NullMarked;
