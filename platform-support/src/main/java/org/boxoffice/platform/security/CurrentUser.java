package org.boxoffice.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated caller, read from a validated access token. Take it as a controller method parameter, or call
 * {@link #current()} from a service running on the request's thread.
 *
 * <p>Authorization on data is the service's job: an organizer asking for another organization's resource, like a
 * buyer asking for another buyer's order, gets a 404 — the resource does not exist <em>for them</em>.
 *
 * @param organizations the organizations the user may act for as an organizer (empty for buyers)
 */
public record CurrentUser(UUID id, String email, Set<Role> roles, Set<UUID> organizations) {

    public CurrentUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        organizations = Set.copyOf(organizations);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /**
     * The one admin check: refuses a caller who is not an admin with {@link AdminRequired} ({@code 403 forbidden},
     * {@code requiredRole: "ADMIN"}).
     *
     * @param action what the caller asked to do, completing "Only an admin may …" ({@code "refund a payment"})
     */
    public void requireAdmin(String action) {
        if (!isAdmin()) {
            throw new AdminRequired(action);
        }
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Whether the user may manage the organization's events, venues and orders: an admin, or one of its organizers. */
    public boolean canManage(UUID organizationId) {
        return isAdmin() || (roles.contains(Role.ORGANIZER) && organizations.contains(organizationId));
    }

    /** The caller of the current request; {@link NotAuthenticated} (401) when the request carried no valid token. */
    public static CurrentUser current() {
        return find().orElseThrow(NotAuthenticated::new);
    }

    /** The caller of the current request, if it carried a valid token. */
    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(from(token.getToken()));
        }
        return Optional.empty();
    }

    /** Reads a token that {@link TokenValidation} accepted. */
    public static CurrentUser from(Jwt jwt) {
        String email = jwt.getClaimAsString(TokenClaims.EMAIL);
        return new CurrentUser(UUID.fromString(jwt.getSubject()), email == null ? "" : email,
                strings(jwt.getClaimAsStringList(TokenClaims.ROLES)).stream().map(Role::valueOf)
                        .collect(Collectors.toSet()),
                strings(jwt.getClaimAsStringList(TokenClaims.ORGANIZATIONS)).stream().map(UUID::fromString)
                        .collect(Collectors.toSet()));
    }

    private static Collection<String> strings(@org.jspecify.annotations.Nullable Collection<String> values) {
        return values == null ? Set.of() : values;
    }
}
