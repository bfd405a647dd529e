package org.boxoffice.user.flag;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

/** One audited change: {@code before}/{@code after} null mean the definitions file's default. */
public record FlagChangeView(long id, String flag, Instant changedAt, UUID changedBy, String changedByEmail,
        @Nullable FlagSetting before, @Nullable FlagSetting after) {

    static FlagChangeView of(FlagChange change) {
        return new FlagChangeView(change.id(), change.flag(), change.changedAt(), change.changedBy(),
                change.changedByEmail(), change.before(), change.after());
    }
}
