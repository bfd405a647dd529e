package org.boxoffice.user.system;

import java.util.EnumSet;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.AccountService;
import org.boxoffice.user.account.Accounts;
import org.boxoffice.user.account.EmailAddress;
import org.boxoffice.user.account.EmailAlreadyRegistered;
import org.boxoffice.user.organization.OrganizationService;
import org.boxoffice.user.verification.EmailVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At startup: the first admin from {@code BOXOFFICE_ADMIN_EMAIL}/{@code BOXOFFICE_ADMIN_PASSWORD} (a secret; there is
 * no default password), and with {@code BOXOFFICE_DEMO_ENABLED=true} the demo organization, organizer and buyer.
 * Idempotent and safe on several replicas at once: existing accounts are never overwritten — except in demo mode
 * (the local run, never production), where every bootstrapped account gets the configured password again, because
 * the launcher makes a new one per checkout while the machine's database keeps the accounts. Demo accounts' addresses
 * count as verified (the launcher's own), so the demo buyer's tickets arrive by mail.
 *
 * <p>The admin is created only if absent. An existing account with the admin email that is not an admin is never
 * promoted: whoever registered that address first would become admin. Start-up fails instead, saying so, unless the
 * operator sets {@code BOXOFFICE_ADMIN_PROMOTE_EXISTING=true} ({@code boxoffice.users.promote-existing-admin}).
 */
@Component
class Bootstrap implements ApplicationRunner {

    static final UUID DEMO_ORGANIZATION = UUID.fromString("d3000000-0000-4000-8000-000000000001");
    static final String DEMO_ORGANIZER = "organizer@demo.boxoffice.dev";
    static final String DEMO_BUYER = "buyer@demo.boxoffice.dev";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final UserProperties properties;
    private final DemoProperties demo;
    private final AccountService accountService;
    private final Accounts accounts;
    private final OrganizationService organizations;
    private final EmailVerification emailVerification;

    Bootstrap(UserProperties properties, DemoProperties demo, AccountService accountService, Accounts accounts,
            OrganizationService organizations, EmailVerification emailVerification) {
        this.properties = properties;
        this.demo = demo;
        this.accountService = accountService;
        this.accounts = accounts;
        this.organizations = organizations;
        this.emailVerification = emailVerification;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (hasText(properties.adminEmail())) {
            if (!hasText(properties.adminPassword())) {
                throw new IllegalStateException("BOXOFFICE_ADMIN_EMAIL is set but BOXOFFICE_ADMIN_PASSWORD is not:"
                        + " give the first admin a password through the secret");
            }
            ensureAdmin(properties.adminEmail(), properties.adminPassword());
        }
        if (demo.enabled()) {
            if (!hasText(demo.password())) {
                throw new IllegalStateException("BOXOFFICE_DEMO_ENABLED=true needs BOXOFFICE_DEMO_PASSWORD");
            }
            organizations.create(DEMO_ORGANIZATION, "Demo Productions");
            UUID organizer = ensure(DEMO_ORGANIZER, demo.password(), "Demo Organizer", EnumSet.of(Role.BUYER));
            organizations.grant(DEMO_ORGANIZATION, organizer);
            UUID buyer = ensure(DEMO_BUYER, demo.password(), "Demo Buyer", EnumSet.of(Role.BUYER));
            // The demo addresses are the launcher's own: verified at creation, so the demo buyer gets tickets by mail.
            emailVerification.verifiedByOperator(organizer);
            emailVerification.verifiedByOperator(buyer);
            if (hasText(properties.adminEmail())) {
                accounts.findByEmail(new EmailAddress(properties.adminEmail()))
                        .ifPresent(admin -> emailVerification.verifiedByOperator(admin.id()));
            }
            log.info("Demo data ready: organization {} 'Demo Productions', {} and {}", DEMO_ORGANIZATION,
                    DEMO_ORGANIZER, DEMO_BUYER);
        }
    }

    /** Creates the admin when absent; an existing account must already be one, or the operator must say so. */
    private void ensureAdmin(String email, String password) {
        EnumSet<Role> roles = EnumSet.of(Role.BUYER, Role.ADMIN);
        try {
            accountService.create(email, password, "Administrator", roles);
            log.info("Created account {} with roles {}", EmailAddress.normalise(email), roles);
            return;
        } catch (EmailAlreadyRegistered existing) {
            // Another replica created it a moment ago, an earlier start did, or someone registered the address.
        }
        Account account = accounts.findByEmail(new EmailAddress(email)).orElseThrow();
        if (!account.roles().contains(Role.ADMIN)) {
            if (!properties.promoteExistingAdmin()) {
                throw new IllegalStateException("BOXOFFICE_ADMIN_EMAIL " + account.email() + " belongs to an"
                        + " existing account that is not an admin. It is not made admin silently: whoever registered"
                        + " that address first would get every right. Configure another admin email, or, if that"
                        + " account is yours, start once with BOXOFFICE_ADMIN_PROMOTE_EXISTING=true to make it admin"
                        + " (it keeps its own password), then remove the flag.");
            }
            accountService.grant(account.id(), Role.ADMIN);
            log.warn("Made the existing account {} an admin (BOXOFFICE_ADMIN_PROMOTE_EXISTING=true): remove the flag",
                    account.email());
        }
        if (demo.enabled()) {
            accountService.applyConfiguredPassword(account.id(), password);
        }
    }

    /** The account's id, creating it when absent; in demo mode an existing account gets {@code password} again. */
    private UUID ensure(String email, String password, String displayName, EnumSet<Role> roles) {
        try {
            UUID id = accountService.create(email, password, displayName, roles).id();
            log.info("Created account {} with roles {}", EmailAddress.normalise(email), roles);
            return id;
        } catch (EmailAlreadyRegistered existing) {
            UUID id = accounts.findByEmail(new EmailAddress(email)).orElseThrow().id();
            if (demo.enabled()) {
                accountService.applyConfiguredPassword(id, password);
            }
            return id;
        }
    }

    private static boolean hasText(@org.jspecify.annotations.Nullable String value) {
        return value != null && !value.isBlank();
    }
}
