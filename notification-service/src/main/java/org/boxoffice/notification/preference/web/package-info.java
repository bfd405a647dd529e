@NullMarked
package org.boxoffice.notification.preference.web;

import org.jspecify.annotations.NullMarked;
