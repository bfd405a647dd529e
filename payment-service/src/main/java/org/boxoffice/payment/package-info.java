@NullMarked
package org.boxoffice.payment;

import org.jspecify.annotations.NullMarked;
