/** HTTP API of email verification: ask for a code, confirm it, see the state. */
@NullMarked
package org.boxoffice.user.verification.web;

import org.jspecify.annotations.NullMarked;
