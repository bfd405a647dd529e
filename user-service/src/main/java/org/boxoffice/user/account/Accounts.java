package org.boxoffice.user.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table, with each account's organizations. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
public class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.email, a.password_hash, a.display_name, a.roles, a.created_at,
                   ARRAY(SELECT m.organization_id FROM organization_members m WHERE m.account_id = a.id) AS organizations
              FROM accounts a
            """;

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account unless its email is taken; true when inserted. */
    public boolean insert(UUID id, String email, String passwordHash, @Nullable String displayName, Set<Role> roles) {
        return jdbc.sql("""
                INSERT INTO accounts (id, email, password_hash, display_name, roles) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT accounts_email_unique DO NOTHING
                """).params(id, email, passwordHash, displayName, names(roles)).update() == 1;
    }

    /**
     * Records that someone tried to register the email of an existing account; the account's id when its owner should
     * be told, that is at most once a day, so that nobody can flood an inbox by registering its address.
     */
    public Optional<UUID> noteRegistrationAttempt(String email) {
        return jdbc.sql("""
                UPDATE accounts SET registration_attempt_noticed_at = now()
                 WHERE email = ? AND (registration_attempt_noticed_at IS NULL
                       OR registration_attempt_noticed_at < now() - interval '1 day')
                RETURNING id
                """).param(email).query(UUID.class).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(Accounts::map).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE a.email = ?").param(email).query(Accounts::map).optional();
    }

    public void updateDisplayName(UUID id, @Nullable String displayName) {
        jdbc.sql("UPDATE accounts SET display_name = ?, updated_at = now() WHERE id = ?").params(displayName, id).update();
    }

    public void updatePasswordHash(UUID id, String passwordHash) {
        jdbc.sql("UPDATE accounts SET password_hash = ?, updated_at = now() WHERE id = ?").params(passwordHash, id).update();
    }

    /** Adds a role unless the account has it already. */
    public void grantRole(UUID id, Role role) {
        jdbc.sql("""
                UPDATE accounts SET roles = array_append(roles, ?), updated_at = now()
                 WHERE id = ? AND NOT (? = ANY (roles))
                """).params(role.name(), id, role.name()).update();
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static Account map(ResultSet row, int index) throws SQLException {
        Set<Role> roles = Arrays.stream((String[]) row.getArray("roles").getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        Set<UUID> organizations = Set.of((UUID[]) row.getArray("organizations").getArray());
        return new Account(row.getObject("id", UUID.class), row.getString("email"), row.getString("password_hash"),
                row.getString("display_name"), roles, organizations, row.getTimestamp("created_at").toInstant());
    }
}
