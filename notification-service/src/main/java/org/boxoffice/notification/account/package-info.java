/** What notification-service learns from user-service: email verification codes to send, and verified addresses. */
@NullMarked
package org.boxoffice.notification.account;

import org.jspecify.annotations.NullMarked;
