@NullMarked
package org.boxoffice.notification.email;

import org.jspecify.annotations.NullMarked;
