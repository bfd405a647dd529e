package org.boxoffice.user.flag;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

/** The flags changed at runtime. */
interface FlagOverrides extends Repository<FlagOverride, String> {

    Optional<FlagOverride> findById(String name);

    List<FlagOverride> findAll();

    FlagOverride saveAndFlush(FlagOverride override);

    void delete(FlagOverride override);

    void flush();
}
