package org.boxoffice.user.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.boxoffice.platform.security.Role;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A user account: its email, password hash, display name and roles. The password hash never leaves user-service.
 * Opened by {@link #open} and inserted by {@link Registrations} (an insert that cannot race on the email);
 * everything after goes through the methods here. Only changed columns are written, so the columns other statements own (the email
 * verification's) are never overwritten; the version makes the later of two concurrent writers fail.
 */
@Entity
@Table(name = "accounts")
@DynamicUpdate
public class Account extends AbstractAggregateRoot<Account> {

    @Id
    private UUID id;

    private EmailAddress email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private @Nullable String displayName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] roles;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Null until first stored: how Spring Data tells a new entity from a stored one. */
    @Version
    private @Nullable Long version;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Account() {
    }

    private Account(UUID id, EmailAddress email, String passwordHash, @Nullable String displayName, Set<Role> roles,
            Instant now) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one role");
        }
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = blankToNull(displayName);
        this.roles = names(roles);
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = this.createdAt;
    }

    /**
     * A new account, to be inserted by {@link Registrations} (an insert that cannot race on the email). The password
     * is hashed already: the caller checked it against the {@link PasswordPolicy}.
     */
    static Account open(UUID id, EmailAddress email, String passwordHash, @Nullable String displayName,
            Set<Role> roles, Instant now) {
        return new Account(id, email, passwordHash, displayName, roles, now);
    }

    public UUID id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public @Nullable String displayName() {
        return displayName;
    }

    public Set<Role> roles() {
        return Arrays.stream(roles).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Sets the display name; a blank one clears it. */
    public void rename(@Nullable String displayName, Instant now) {
        this.displayName = blankToNull(displayName);
        touch(now);
    }

    /**
     * Changes the password when the current one is right and the new one meets the {@link PasswordPolicy}, and
     * announces {@link PasswordChanged} (on save) so that every session of the account ends.
     */
    public void changePassword(String currentPassword, String newPassword, PasswordEncoder encoder, Instant now) {
        if (!encoder.matches(currentPassword, passwordHash)) {
            throw new WrongCurrentPassword();
        }
        PasswordPolicy.require("newPassword", newPassword, email.value());
        passwordHash = encoder.encode(newPassword);
        touch(now);
        registerEvent(new PasswordChanged(id));
    }

    /**
     * Sets the password from configuration without the current one (the local run's demo accounts, whose password
     * the launcher generates per checkout); sessions stay valid. False when it was that password already.
     */
    public boolean applyConfiguredPassword(String password, PasswordEncoder encoder, Instant now) {
        if (encoder.matches(password, passwordHash)) {
            return false;
        }
        passwordHash = encoder.encode(password);
        touch(now);
        return true;
    }

    /** Adds the role; false when the account had it already. */
    public boolean grant(Role role, Instant now) {
        Set<Role> current = roles();
        if (!current.add(role)) {
            return false;
        }
        roles = names(current);
        touch(now);
        return true;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    private void touch(Instant now) {
        updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
