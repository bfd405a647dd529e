package org.boxoffice.user.account;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, profile and password of accounts. */
@Service
public class AccountService {

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    AccountService(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
    }

    /** A new buyer account. */
    @Transactional
    public Account register(String email, String password, @Nullable String displayName) {
        return create(email, password, displayName, EnumSet.of(Role.BUYER));
    }

    /**
     * Creates the account with these roles, or fails with {@link EmailAlreadyRegistered}. The password must meet the
     * {@link PasswordPolicy}.
     */
    @Transactional
    public Account create(String email, String password, @Nullable String displayName, Set<Role> roles) {
        String normalised = EmailAddress.normalise(email);
        PasswordPolicy.require("password", password, normalised);
        UUID id = UUID.randomUUID();
        if (!accounts.insert(id, normalised, passwords.encode(password), blankToNull(displayName), roles)) {
            throw new EmailAlreadyRegistered();
        }
        return get(id);
    }

    public Account get(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFound("with id " + id));
    }

    @Transactional
    public Account updateProfile(UUID id, @Nullable String displayName) {
        accounts.updateDisplayName(id, blankToNull(displayName));
        return get(id);
    }

    /**
     * Sets the password from configuration, without the current one: for the local run's demo accounts only, whose
     * password the launcher generates per checkout while the database may outlive it. Sessions stay valid.
     */
    @Transactional
    public void applyConfiguredPassword(UUID id, String password) {
        Account account = get(id);
        if (!passwords.matches(password, account.passwordHash())) {
            accounts.updatePasswordHash(id, passwords.encode(password));
        }
    }

    /** Changes the password and announces it, so that every refresh token of the account is revoked. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        Account account = get(id);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw new WrongCurrentPassword();
        }
        PasswordPolicy.require("newPassword", newPassword, account.email());
        accounts.updatePasswordHash(id, passwords.encode(newPassword));
        events.publishEvent(new PasswordChanged(id));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
