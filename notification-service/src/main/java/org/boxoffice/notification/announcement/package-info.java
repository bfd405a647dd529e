@NullMarked
package org.boxoffice.notification.announcement;

import org.jspecify.annotations.NullMarked;
