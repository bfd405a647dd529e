/** user-service's events about accounts: notices to an account's owner. */
@NullMarked
package org.boxoffice.notification.account;

import org.jspecify.annotations.NullMarked;
