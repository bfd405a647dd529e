@NullMarked
package org.boxoffice.booking;

import org.jspecify.annotations.NullMarked;
