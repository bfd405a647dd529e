package org.boxoffice.user.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.testing.JpaSliceTest;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.Accounts;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts and organizations as Hibernate maps them onto the Flyway schema, on the real PostgreSQL: every test
 * commits its own transactions, as the services do, so versions and constraints are the database's.
 */
@JpaSliceTest
@Import(OrganizationService.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OrganizationMappingIT {

    private static final CurrentUser ADMIN = new CurrentUser(UUID.randomUUID(), "admin@example.org",
            EnumSet.of(Role.ADMIN), Set.of());

    @Autowired
    OrganizationService organizations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Organizations organizationRepository;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void storesAnAccountsEmailRolesAndMembershipsAsTheSchemaHasThem() {
        UUID organizer = account("mapping-" + UUID.randomUUID() + "@example.org");
        OrganizationSummary organization = organizations.create(ADMIN, "Mapping " + UUID.randomUUID());

        assertThat(organizations.grant(organization.id(), organizer)).isTrue();
        assertThat(organizations.grant(organization.id(), organizer)).isFalse();

        Account stored = accounts.findById(organizer).orElseThrow();
        assertThat(stored.roles()).containsExactlyInAnyOrder(Role.BUYER, Role.ORGANIZER);
        assertThat(accounts.findByEmail(stored.email())).map(Account::id).contains(organizer);
        assertThat(accounts.organizationsOf(organizer)).containsExactly(organization.id());
        assertThat(organizations.members(ADMIN, organization.id())).extracting(OrganizationMember::userId)
                .containsExactly(organizer);
    }

    @Test
    void readsAnOrganizationsMembersInThreeStatementsHoweverManyThereAre() {
        OrganizationSummary small = organizationWithMembers(2);
        OrganizationSummary large = organizationWithMembers(8);

        long forSmall = statementsFor(() -> assertThat(organizations.members(ADMIN, small.id())).hasSize(2));
        long forLarge = statementsFor(() -> assertThat(organizations.members(ADMIN, large.id())).hasSize(8));

        // The organization, its member rows, their accounts: no statement per member.
        assertThat(forSmall).isEqualTo(3);
        assertThat(forLarge).isEqualTo(forSmall);
    }

    @Test
    void removingAMemberDeletesOnlyItsRow() {
        UUID staying = account("stay-" + UUID.randomUUID() + "@example.org");
        UUID leaving = account("leave-" + UUID.randomUUID() + "@example.org");
        OrganizationSummary organization = organizations.create(ADMIN, "Removal " + UUID.randomUUID());
        organizations.grant(organization.id(), staying);
        organizations.grant(organization.id(), leaving);

        assertThat(organizations.revoke(ADMIN, organization.id(), leaving)).isTrue();

        assertThat(organizations.members(ADMIN, organization.id())).extracting(OrganizationMember::userId)
                .containsExactly(staying);
        assertThat(accounts.organizationsOf(leaving)).isEmpty();
    }

    @Test
    void theLaterOfTwoWritersThatReadTheSameOrganizationFails() {
        OrganizationSummary created = organizations.create(ADMIN, "Race " + UUID.randomUUID());
        Account first = accounts.findById(account("first-" + UUID.randomUUID() + "@example.org")).orElseThrow();
        Account second = accounts.findById(account("second-" + UUID.randomUUID() + "@example.org")).orElseThrow();
        Organization staleCopy = new TransactionTemplate(transactionManager).execute(status -> {
            Organization read = organizationRepository.findById(created.id()).orElseThrow();
            read.memberIds(); // members loaded too, before the other writer commits
            return read;
        });

        organizations.grant(created.id(), first.id());
        staleCopy.addMember(second, Instant.now());

        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> organizationRepository.save(staleCopy)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(organizations.members(ADMIN, created.id())).extracting(OrganizationMember::userId)
                .containsExactly(first.id());
    }

    @Test
    void aSecondOrganizationWithTheSameNameIsRefusedAsTakenEvenWhenTheChecksRace() {
        String name = "Taken " + UUID.randomUUID();
        organizations.create(ADMIN, name);

        assertThatThrownBy(() -> organizations.create(ADMIN, "  " + name + " "))
                .isInstanceOf(OrganizationNameTaken.class);
        assertThat(organizations.create(UUID.randomUUID(), name)).isEmpty();
    }

    private OrganizationSummary organizationWithMembers(int count) {
        OrganizationSummary organization = organizations.create(ADMIN, "Members " + UUID.randomUUID());
        for (int i = 0; i < count; i++) {
            organizations.grant(organization.id(), account("member-" + UUID.randomUUID() + "@example.org"));
        }
        return organization;
    }

    /** A buyer account as registration inserts it (registration itself needs the event bus, not in this slice). */
    private UUID account(String email) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO accounts (id, email, password_hash, roles) VALUES (?, ?, 'unused', ARRAY['BUYER'])")
                .params(id, email).update();
        return id;
    }

    private long statementsFor(Runnable read) {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        read.run();
        return statistics.getPrepareStatementCount();
    }
}
