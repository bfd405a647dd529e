/** HTTP API of accounts: registration and the caller's own profile. */
@NullMarked
package org.boxoffice.user.account.web;

import org.jspecify.annotations.NullMarked;
