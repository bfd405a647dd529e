package org.boxoffice.platform.security;

/** The platform's roles, carried in the {@code roles} claim; granted authorities are {@code ROLE_<name>}. */
public enum Role {
    /** Buys tickets; sees only their own holds, orders and tickets. */
    BUYER,
    /** Runs events for the organizations listed in the {@code orgs} claim, and only those. */
    ORGANIZER,
    /** Operates the platform: every organization, every resource. */
    ADMIN;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
