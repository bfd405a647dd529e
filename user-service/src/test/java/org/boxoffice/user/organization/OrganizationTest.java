package org.boxoffice.user.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.AccountFixtures;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void hasAStrippedNameThatIsNeitherBlankNorTooLong() {
        assertThat(new Organization(UUID.randomUUID(), "  Acme Live  ", NOW).name()).isEqualTo("Acme Live");
        assertThatThrownBy(() -> new Organization(UUID.randomUUID(), "   ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organization(UUID.randomUUID(), "x".repeat(Organization.MAX_NAME_LENGTH + 1), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingAMemberMakesTheAccountAnOrganizerOnce() {
        Organization organization = new Organization(UUID.randomUUID(), "Acme Live", NOW);
        Account buyer = AccountFixtures.buyer("ada@example.org");

        assertThat(organization.addMember(buyer, NOW)).isTrue();
        assertThat(organization.addMember(buyer, NOW.plusSeconds(5))).isFalse();

        assertThat(organization.memberIds()).containsExactly(buyer.id());
        assertThat(buyer.roles()).contains(Role.ORGANIZER);
    }

    @Test
    void keepsMembersInTheOrderTheyJoined() {
        Organization organization = new Organization(UUID.randomUUID(), "Acme Live", NOW);
        Account first = AccountFixtures.buyer("first@example.org");
        Account second = AccountFixtures.buyer("second@example.org");

        organization.addMember(first, NOW);
        organization.addMember(second, NOW.plusSeconds(1));

        assertThat(organization.memberIds()).containsExactly(first.id(), second.id());
    }

    @Test
    void removingAMemberEndsTheMembershipButLeavesTheRole() {
        Organization organization = new Organization(UUID.randomUUID(), "Acme Live", NOW);
        Account buyer = AccountFixtures.buyer("ada@example.org");
        organization.addMember(buyer, NOW);

        assertThat(organization.removeMember(buyer.id())).isTrue();
        assertThat(organization.removeMember(buyer.id())).isFalse();

        assertThat(organization.hasMember(buyer.id())).isFalse();
        assertThat(buyer.roles()).contains(Role.ORGANIZER);
    }
}
