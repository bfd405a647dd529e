package org.boxoffice.user.account;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.events.Outbox;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, profile and password of accounts. */
@Service
public class AccountService {

    private final Accounts accounts;
    private final Registrations registrations;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final Clock clock;

    AccountService(Accounts accounts, Registrations registrations, PasswordEncoder passwords, Outbox outbox,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.registrations = registrations;
        this.passwords = passwords;
        this.outbox = outbox;
    }

    /**
     * What a registration answers. For an email that already has an account it is made up — a fresh id, nothing
     * stored — so that the answer is the same whether the address is taken or not.
     */
    public record Registration(UUID id, String email, @Nullable String displayName, Instant createdAt) {
    }

    /**
     * A new buyer account, answered alike whether or not the email is taken, so that registration does not tell who
     * has an account. When it is taken, the existing account is left as it is and its owner is told by email (at most
     * once a day: {@link RegistrationAttempted}); the password is hashed either way, so both take as long.
     */
    @Transactional
    public Registration register(String email, String password, @Nullable String displayName) {
        EmailAddress address = new EmailAddress(email);
        PasswordPolicy.require("password", password, address.value());
        // Microseconds, as the database keeps them: a made-up answer must not stand out by its precision either.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        Account account = Account.open(id, address, passwords.encode(password), displayName, EnumSet.of(Role.BUYER),
                now);
        if (registrations.insert(account)) {
            return new Registration(account.id(), account.email().value(), account.displayName(), account.createdAt());
        }
        registrations.noteAttempt(address).ifPresent(existing -> outbox.append(RegistrationAttempted.TYPE, 1,
                existing.toString(), new RegistrationAttempted(existing, address.value(), now)));
        return new Registration(id, address.value(), blankToNull(displayName), now);
    }

    /**
     * Creates the account with these roles, or fails with {@link EmailAlreadyRegistered} (for the operator's own
     * accounts at start-up: a buyer's registration never says so). The password must meet the {@link PasswordPolicy}.
     */
    @Transactional
    public AccountProfile create(String email, String password, @Nullable String displayName, Set<Role> roles) {
        EmailAddress address = new EmailAddress(email);
        PasswordPolicy.require("password", password, address.value());
        Account account = Account.open(UUID.randomUUID(), address, passwords.encode(password), displayName, roles,
                clock.instant());
        if (!registrations.insert(account)) {
            throw new EmailAlreadyRegistered();
        }
        return AccountProfile.of(account, Set.of());
    }

    @Transactional(readOnly = true)
    public AccountProfile get(UUID id) {
        return AccountProfile.of(find(id), accounts.organizationsOf(id));
    }

    @Transactional
    public AccountProfile updateProfile(UUID id, @Nullable String displayName) {
        Account account = find(id);
        account.rename(displayName, clock.instant());
        accounts.save(account);
        return AccountProfile.of(account, accounts.organizationsOf(id));
    }

    /**
     * Sets the password from configuration, without the current one: for the local run's demo accounts only, whose
     * password the launcher generates per checkout while the database may outlive it. Sessions stay valid.
     */
    @Transactional
    public void applyConfiguredPassword(UUID id, String password) {
        Account account = find(id);
        if (account.applyConfiguredPassword(password, passwords, clock.instant())) {
            accounts.save(account);
        }
    }

    /** Changes the password and announces it, so that every refresh token of the account is revoked. */
    @Transactional
    public void changePassword(UUID id, String currentPassword, String newPassword) {
        Account account = find(id);
        account.changePassword(currentPassword, newPassword, passwords, clock.instant());
        accounts.save(account);
    }

    /** Adds the role unless the account has it (the operator's admin at start-up). */
    @Transactional
    public void grant(UUID id, Role role) {
        Account account = find(id);
        if (account.grant(role, clock.instant())) {
            accounts.save(account);
        }
    }

    private Account find(UUID id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFound("with id " + id));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
