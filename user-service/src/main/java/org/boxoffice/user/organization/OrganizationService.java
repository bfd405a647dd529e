package org.boxoffice.user.organization;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.user.account.Account;
import org.boxoffice.user.account.AccountNotFound;
import org.boxoffice.user.account.Accounts;
import org.boxoffice.user.account.EmailAddress;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Organizations and their organizers. Admins create organizations and grant membership; an organizer sees only the
 * organizations they belong to, and another organization is, for them, not found. New membership shows in the
 * member's tokens from their next login or refresh.
 *
 * <p>Each call runs its own transaction. Two admins granting at once both succeed: the one whose change met another
 * is retried on fresh state, so granting an existing member answers "already a member", as it would one at a time.
 */
@Service
public class OrganizationService {

    private static final int ATTEMPTS = 3;

    private final Organizations organizations;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    OrganizationService(Organizations organizations, Accounts accounts, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.clock = clock;
        this.organizations = organizations;
        this.accounts = accounts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    public OrganizationSummary create(CurrentUser caller, String name) {
        caller.requireAdmin("create an organization");
        return create(UUID.randomUUID(), name).orElseThrow(() -> new OrganizationNameTaken(name.strip()));
    }

    /** Creates the organization unless the id or the name exists; empty when it did (also when another won a race). */
    public Optional<OrganizationSummary> create(UUID id, String name) {
        try {
            return transactions.execute(status -> {
                if (organizations.existsById(id) || organizations.existsByName(name.strip())) {
                    return Optional.empty();
                }
                Organization organization = organizations.saveAndFlush(new Organization(id, name, clock.instant()));
                return Optional.of(OrganizationSummary.of(organization));
            });
        } catch (DataIntegrityViolationException raced) {
            // Another request created the same id or name between the check and the insert.
            return Optional.empty();
        }
    }

    public List<OrganizationSummary> visibleTo(CurrentUser caller) {
        if (!caller.isAdmin() && caller.organizations().isEmpty()) {
            return List.of();
        }
        return read(() -> (caller.isAdmin() ? organizations.findAllByOrderByName()
                : organizations.findAllByIdInOrderByName(caller.organizations()))
                .stream().map(OrganizationSummary::of).toList());
    }

    public OrganizationSummary get(CurrentUser caller, UUID id) {
        return read(() -> OrganizationSummary.of(visible(caller, id)));
    }

    /** The organization's members, longest-standing first: three statements however many there are. */
    public List<OrganizationMember> members(CurrentUser caller, UUID id) {
        return read(() -> {
            List<UUID> ids = visible(caller, id).memberIds();
            if (ids.isEmpty()) {
                return List.<OrganizationMember>of();
            }
            Map<UUID, Account> byId = accounts.findAllByIdIn(ids).stream()
                    .collect(Collectors.toMap(Account::id, Function.identity()));
            return ids.stream().map(byId::get).map(OrganizationMember::of).toList();
        });
    }

    /** Makes the account an organizer of the organization; true when it was not one already. */
    public boolean grant(CurrentUser caller, UUID organizationId, String email) {
        caller.requireAdmin("grant membership of an organization");
        return retried(() -> {
            Organization organization = find(organizationId);
            String normalised = EmailAddress.normalise(email);
            Account account = EmailAddress.parse(normalised).flatMap(accounts::findByEmail)
                    .orElseThrow(() -> new AccountNotFound("with email " + normalised));
            return add(organization, account);
        });
    }

    public boolean grant(UUID organizationId, UUID accountId) {
        return retried(() -> add(find(organizationId), accounts.findById(accountId)
                .orElseThrow(() -> new AccountNotFound("with id " + accountId))));
    }

    /** Ends the account's membership; true when it was a member. */
    public boolean revoke(CurrentUser caller, UUID organizationId, UUID accountId) {
        caller.requireAdmin("end membership of an organization");
        return retried(() -> {
            Organization organization = find(organizationId);
            boolean removed = organization.removeMember(accountId);
            organizations.save(organization);
            return removed;
        });
    }

    private boolean add(Organization organization, Account account) {
        boolean added = organization.addMember(account, clock.instant());
        organizations.save(organization);
        accounts.save(account);
        return added;
    }

    private Organization find(UUID id) {
        return organizations.findById(id).orElseThrow(() -> new OrganizationNotFound(id));
    }

    private Organization visible(CurrentUser caller, UUID id) {
        if (!caller.canManage(id)) {
            throw new OrganizationNotFound(id);
        }
        return find(id);
    }

    private <T> T read(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }

    /** Runs the change in a transaction of its own, again on fresh state when a concurrent change got there first. */
    private boolean retried(Supplier<Boolean> change) {
        for (int attempt = 1;; attempt++) {
            try {
                return Boolean.TRUE.equals(transactions.execute(status -> change.get()));
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }
}
