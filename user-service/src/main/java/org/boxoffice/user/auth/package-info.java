/** Login, access tokens, rotating refresh tokens and failed-login throttling. */
@NullMarked
package org.boxoffice.user.auth;

import org.jspecify.annotations.NullMarked;
