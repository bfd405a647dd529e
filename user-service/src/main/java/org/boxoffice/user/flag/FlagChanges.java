package org.boxoffice.user.flag;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The audit of flag changes. */
interface FlagChanges extends Repository<FlagChange, Long> {

    FlagChange save(FlagChange change);

    List<FlagChange> findTop100ByFlagOrderByIdDesc(String flag);

    Optional<FlagChange> findTopByOrderByVersionDesc();
}
