/** What notification-service learns from user-service: email verification codes to send, verified addresses, and
 * notices to an account's owner (someone tried to register its address). */
@NullMarked
package org.boxoffice.notification.account;

import org.jspecify.annotations.NullMarked;
