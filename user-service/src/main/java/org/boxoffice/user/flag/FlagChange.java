package org.boxoffice.user.flag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One audited change of a flag: who, when, the setting before and after (null: the definitions file's default), and
 * the version of the flags it made (unique: of two concurrent changes, the second to commit fails and is retried).
 */
@Entity
@Table(name = "feature_flag_changes")
class FlagChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long version;

    private String flag;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by")
    private UUID changedBy;

    @Column(name = "changed_by_email")
    private String changedByEmail;

    @Column(name = "old_setting")
    private @Nullable String oldSetting;

    @Column(name = "new_setting")
    private @Nullable String newSetting;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected FlagChange() {
    }

    FlagChange(long version, String flag, UUID by, String byEmail, @Nullable FlagSetting before,
            @Nullable FlagSetting after, Instant now) {
        this.version = version;
        this.flag = flag;
        this.changedBy = by;
        this.changedByEmail = byEmail;
        this.oldSetting = before == null ? null : before.toJson();
        this.newSetting = after == null ? null : after.toJson();
        this.changedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    long id() {
        return java.util.Objects.requireNonNull(id, "stored");
    }

    long version() {
        return version;
    }

    String flag() {
        return flag;
    }

    Instant changedAt() {
        return changedAt;
    }

    UUID changedBy() {
        return changedBy;
    }

    String changedByEmail() {
        return changedByEmail;
    }

    @Nullable FlagSetting before() {
        return oldSetting == null ? null : FlagSetting.fromJson(oldSetting);
    }

    @Nullable FlagSetting after() {
        return newSetting == null ? null : FlagSetting.fromJson(newSetting);
    }
}
