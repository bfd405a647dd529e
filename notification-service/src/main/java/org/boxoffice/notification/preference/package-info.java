@NullMarked
package org.boxoffice.notification.preference;

import org.jspecify.annotations.NullMarked;
