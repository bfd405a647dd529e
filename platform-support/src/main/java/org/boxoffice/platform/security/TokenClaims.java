package org.boxoffice.platform.security;

import java.time.Duration;

/**
 * The claims contract between user-service, which signs access tokens, and every service that validates them.
 * Documented for humans in docs/security.md; a claim's name never changes once released.
 */
public final class TokenClaims {

    /** The one audience every Boxoffice access token is issued for. */
    public static final String AUDIENCE = "boxoffice";
    /** The user's email address (normalised to lower case). */
    public static final String EMAIL = "email";
    /** Array of {@link Role} names. */
    public static final String ROLES = "roles";
    /** Array of organization UUIDs the user may act for as an organizer. */
    public static final String ORGANIZATIONS = "orgs";
    /** How long an access token lives. Short, because it cannot be revoked before it expires. */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private TokenClaims() {
    }
}
