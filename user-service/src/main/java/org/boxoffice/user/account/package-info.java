/** Accounts: registration, profile, password, roles. */
@NullMarked
package org.boxoffice.user.account;

import org.jspecify.annotations.NullMarked;
