@NullMarked
package org.boxoffice.notification.system;

import org.jspecify.annotations.NullMarked;
