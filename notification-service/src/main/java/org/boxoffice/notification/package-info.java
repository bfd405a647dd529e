@NullMarked
package org.boxoffice.notification;

import org.jspecify.annotations.NullMarked;
