package org.boxoffice.user.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Accounts; new ones are inserted by {@link Registrations}. */
public interface Accounts extends Repository<Account, UUID> {

    Optional<Account> findById(UUID id);

    Optional<Account> findByEmail(EmailAddress email);

    List<Account> findAllByIdIn(Collection<UUID> ids);

    Account save(Account account);

    /** The organizations the account is an organizer of. */
    @Query("select o.id from Organization o join o.members m where m.accountId = :accountId")
    Set<UUID> organizationsOf(UUID accountId);
}
