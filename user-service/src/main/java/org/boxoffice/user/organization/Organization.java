package org.boxoffice.user.organization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.boxoffice.platform.security.Role;
import org.boxoffice.user.account.Account;
import org.jspecify.annotations.Nullable;

/**
 * An organization that runs events, and its members: the accounts that act for it as organizers. Adding a member
 * makes the account an organizer; the version makes the later of two concurrent changes to the membership fail.
 */
@Entity
@Table(name = "organizations")
public class Organization {

    /** Longest name accepted, as the API states it. */
    public static final int MAX_NAME_LENGTH = 200;

    @Id
    private UUID id;

    private String name;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    /** Null until first stored: how Spring Data tells a new entity from a stored one. */
    @Version
    private @Nullable Long version;

    @ElementCollection
    @CollectionTable(name = "organization_members", joinColumns = @JoinColumn(name = "organization_id"))
    @OrderBy("grantedAt, accountId")
    private Set<Membership> members = new LinkedHashSet<>();

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Organization() {
    }

    /** A new organization without members; its name is stripped and must not be blank or too long. */
    public Organization(UUID id, String name, Instant now) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("an organization's name has 1 to " + MAX_NAME_LENGTH + " characters");
        }
        this.id = id;
        this.name = stripped;
        this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The members' account ids, longest-standing first. */
    public List<UUID> memberIds() {
        return members.stream().map(Membership::accountId).toList();
    }

    public boolean hasMember(UUID accountId) {
        return members.stream().anyMatch(member -> member.accountId().equals(accountId));
    }

    /** Makes the account an organizer of this organization; false when it was one already. */
    public boolean addMember(Account account, Instant now) {
        if (hasMember(account.id())) {
            return false;
        }
        account.grant(Role.ORGANIZER, now);
        members.add(new Membership(account.id(), now));
        return true;
    }

    /**
     * Ends the account's membership; false when it was not a member. The account keeps its organizer role: it may
     * organize for another organization, and without one it acts for none.
     */
    public boolean removeMember(UUID accountId) {
        return members.removeIf(member -> member.accountId().equals(accountId));
    }
}
