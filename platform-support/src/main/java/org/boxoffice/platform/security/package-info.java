/**
 * Every servlet service is an OAuth2 resource server: it validates the bearer token itself (signature against the
 * user-service JWKS, issuer, audience, expiry), so that a request bypassing the gateway gets nothing more. The
 * token claims contract is {@link org.boxoffice.platform.security.TokenClaims}; controllers and services read the
 * caller as a {@link org.boxoffice.platform.security.CurrentUser}. See docs/security.md.
 */
@NullMarked
package org.boxoffice.platform.security;

import org.jspecify.annotations.NullMarked;
