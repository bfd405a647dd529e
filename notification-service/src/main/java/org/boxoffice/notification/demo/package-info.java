@NullMarked
package org.boxoffice.notification.demo;

import org.jspecify.annotations.NullMarked;
