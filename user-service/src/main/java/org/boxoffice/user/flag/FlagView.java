package org.boxoffice.user.flag;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

/**
 * A flag as admins see it: its setting now, the definitions file's default, and who changed it last.
 *
 * @param runtime   whether an admin changed it at runtime (false: the file's setting applies)
 * @param updatedAt when it was changed at runtime (null: never, or reset to the file's)
 * @param updatedBy who changed it
 */
public record FlagView(String name, String description, FlagSetting setting, FlagSetting defaults, boolean runtime,
        @Nullable Instant updatedAt, @Nullable UUID updatedBy) {
}
