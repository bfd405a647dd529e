@NullMarked
package org.boxoffice.notification.delivery;

import org.jspecify.annotations.NullMarked;
