@NullMarked
package org.boxoffice.notification.sale;

import org.jspecify.annotations.NullMarked;
