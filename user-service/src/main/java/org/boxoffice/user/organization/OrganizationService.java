package org.boxoffice.user.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.AccountNotFound;
import org.boxoffice.user.account.Accounts;
import org.boxoffice.user.account.EmailAddress;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations and their organizers. Admins create organizations and grant membership; an organizer sees only the
 * organizations they belong to, and another organization is, for them, not found. New membership shows in the
 * member's tokens from their next login or refresh.
 */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Service
public class OrganizationService {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    OrganizationService(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Transactional
    public Organization create(CurrentUser caller, String name) {
        requireAdmin(caller);
        return create(UUID.randomUUID(), name.strip()).orElseThrow(() -> new OrganizationNameTaken(name.strip()));
    }

    /** Inserts unless the id or the name exists; empty when it did. */
    @Transactional
    public Optional<Organization> create(UUID id, String name) {
        int inserted = jdbc.sql("INSERT INTO organizations (id, name) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(id, name).update();
        return inserted == 1 ? Optional.of(find(id).orElseThrow()) : Optional.empty();
    }

    public List<Organization> visibleTo(CurrentUser caller) {
        String select = "SELECT id, name, created_at FROM organizations";
        if (caller.isAdmin()) {
            return jdbc.sql(select + " ORDER BY name").query(OrganizationService::map).list();
        }
        return jdbc.sql(select + " WHERE id = ANY (?) ORDER BY name")
                .param(caller.organizations().toArray(UUID[]::new)).query(OrganizationService::map).list();
    }

    public Organization get(CurrentUser caller, UUID id) {
        if (!caller.canManage(id)) {
            throw new OrganizationNotFound(id);
        }
        return find(id).orElseThrow(() -> new OrganizationNotFound(id));
    }

    public List<Account> members(CurrentUser caller, UUID id) {
        get(caller, id);
        return jdbc.sql("SELECT account_id FROM organization_members WHERE organization_id = ? ORDER BY granted_at")
                .param(id).query(UUID.class).list().stream()
                .map(accountId -> accounts.findById(accountId).orElseThrow()).toList();
    }

    /** Makes the account an organizer of the organization; true when it was not one already. */
    @Transactional
    public boolean grant(CurrentUser caller, UUID organizationId, String email) {
        requireAdmin(caller);
        find(organizationId).orElseThrow(() -> new OrganizationNotFound(organizationId));
        Account account = accounts.findByEmail(EmailAddress.normalise(email))
                .orElseThrow(() -> new AccountNotFound("with email " + EmailAddress.normalise(email)));
        return grant(organizationId, account.id());
    }

    @Transactional
    public boolean grant(UUID organizationId, UUID accountId) {
        accounts.grantRole(accountId, Role.ORGANIZER);
        return jdbc.sql("INSERT INTO organization_members (organization_id, account_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(organizationId, accountId).update() == 1;
    }

    private Optional<Organization> find(UUID id) {
        return jdbc.sql("SELECT id, name, created_at FROM organizations WHERE id = ?").param(id)
                .query(OrganizationService::map).optional();
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw new AdminOnly();
        }
    }

    private static Organization map(ResultSet row, int index) throws SQLException {
        return new Organization(row.getObject("id", UUID.class), row.getString("name"),
                row.getTimestamp("created_at").toInstant());
    }
}
