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
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    AccountService(Accounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events, Outbox outbox) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.events = events;
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
        String normalised = EmailAddress.normalise(email);
        PasswordPolicy.require("password", password, normalised);
        UUID id = UUID.randomUUID();
        String hash = passwords.encode(password);
        if (accounts.insert(id, normalised, hash, blankToNull(displayName), EnumSet.of(Role.BUYER))) {
            Account account = get(id);
            return new Registration(account.id(), account.email(), account.displayName(), account.createdAt());
        }
        // Microseconds, as the database keeps them: a made-up answer must not stand out by its precision either.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        accounts.noteRegistrationAttempt(normalised).ifPresent(existing -> outbox.append(
                RegistrationAttempted.TYPE, 1, existing.toString(), new RegistrationAttempted(existing, normalised, now)));
        return new Registration(id, normalised, blankToNull(displayName), now);
    }

    /**
     * Creates the account with these roles, or fails with {@link EmailAlreadyRegistered} (for the operator's own
     * accounts at start-up: a buyer's registration never says so). The password must meet the {@link PasswordPolicy}.
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
