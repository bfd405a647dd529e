@NullMarked
package org.boxoffice.notification.phone;

import org.jspecify.annotations.NullMarked;
