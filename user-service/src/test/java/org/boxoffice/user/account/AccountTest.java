package org.boxoffice.user.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class AccountTest {

    private static final PasswordEncoder ENCODER = new BCryptPasswordEncoder(4);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00.123456789Z");
    private static final String PASSWORD = "correct horse battery";

    private static Account buyer() {
        return Account.open(UUID.randomUUID(), new EmailAddress("Ada@Example.org"), ENCODER.encode(PASSWORD),
                "  Ada  ", EnumSet.of(Role.BUYER), NOW);
    }

    @Test
    void opensWithANormalisedEmailAStrippedNameAndTimesAsTheDatabaseKeepsThem() {
        Account account = buyer();

        assertThat(account.email().value()).isEqualTo("ada@example.org");
        assertThat(account.displayName()).isEqualTo("Ada");
        assertThat(account.roles()).containsExactly(Role.BUYER);
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-12-02T12:00:00.123456Z"));
    }

    @Test
    void refusesAnAccountWithoutRoles() {
        assertThatThrownBy(() -> Account.open(UUID.randomUUID(), new EmailAddress("a@example.org"), "hash", null,
                Set.of(), NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void renamingToBlankClearsTheName() {
        Account account = buyer();

        account.rename("   ", NOW);

        assertThat(account.displayName()).isNull();
    }

    @Test
    void refusesAPasswordChangeWithTheWrongCurrentPasswordAndKeepsTheOldOne() {
        Account account = buyer();
        String before = account.passwordHash();

        assertThatThrownBy(() -> account.changePassword("wrong password!", "a brand new passphrase", ENCODER, NOW))
                .isInstanceOf(WrongCurrentPassword.class);
        assertThat(account.passwordHash()).isEqualTo(before);
    }

    @Test
    void refusesANewPasswordThePolicyRejects() {
        Account account = buyer();

        assertThatThrownBy(() -> account.changePassword(PASSWORD, "short", ENCODER, NOW))
                .isInstanceOf(PasswordRejected.class);
        assertThatThrownBy(() -> account.changePassword(PASSWORD, "aaaaaaaaaaaaaaaa", ENCODER, NOW))
                .isInstanceOf(PasswordRejected.class);
    }

    @Test
    void changesThePasswordWhenTheCurrentOneIsRight() {
        Account account = buyer();

        account.changePassword(PASSWORD, "a brand new passphrase", ENCODER, NOW);

        assertThat(ENCODER.matches("a brand new passphrase", account.passwordHash())).isTrue();
        assertThat(ENCODER.matches(PASSWORD, account.passwordHash())).isFalse();
    }

    @Test
    void aConfiguredPasswordIsSetOnlyWhenItDiffers() {
        Account account = buyer();

        assertThat(account.applyConfiguredPassword(PASSWORD, ENCODER, NOW)).isFalse();
        assertThat(account.applyConfiguredPassword("the launcher's new one", ENCODER, NOW)).isTrue();
        assertThat(ENCODER.matches("the launcher's new one", account.passwordHash())).isTrue();
    }

    @Test
    void grantsARoleOnce() {
        Account account = buyer();

        assertThat(account.grant(Role.ORGANIZER, NOW)).isTrue();
        assertThat(account.grant(Role.ORGANIZER, NOW)).isFalse();
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.BUYER, Role.ORGANIZER);
        assertThat(account.hasRole(Role.ADMIN)).isFalse();
    }
}
