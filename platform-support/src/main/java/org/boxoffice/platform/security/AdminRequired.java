package org.boxoffice.platform.security;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * An admin-only action asked for by a caller who is not an admin (an organizer on {@code /api/v1/admin/**}, most
 * often): {@code 403 forbidden}, the {@code requiredRole} member naming the role ({@code ADMIN}) and the detail the
 * action. Thrown by {@link CurrentUser#requireAdmin(String)}, the platform's one admin check.
 */
public final class AdminRequired extends ProblemException {

    AdminRequired(String action) {
        super(ProblemType.FORBIDDEN, "Only an admin may " + action + ".");
        with("requiredRole", Role.ADMIN.name());
    }
}
