@NullMarked
package org.boxoffice.notification.delivery.web;

import org.jspecify.annotations.NullMarked;
