@NullMarked
package org.boxoffice.notification.announcement.web;

import org.jspecify.annotations.NullMarked;
