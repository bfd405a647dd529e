@NullMarked
package org.boxoffice.notification.message;

import org.jspecify.annotations.NullMarked;
