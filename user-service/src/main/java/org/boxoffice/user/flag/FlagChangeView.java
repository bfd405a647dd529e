package org.boxoffice.user.flag;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One audited change: {@code before}/{@code after} absent mean the definitions file's default. */
public record FlagChangeView(long id, String flag, Instant changedAt, UUID changedBy, String changedByEmail,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable FlagSetting before,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable FlagSetting after) {

    static FlagChangeView of(FlagChange change) {
        return new FlagChangeView(change.id(), change.flag(), change.changedAt(), change.changedBy(),
                change.changedByEmail(), change.before(), change.after());
    }
}
