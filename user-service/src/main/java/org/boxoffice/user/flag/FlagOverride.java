package org.boxoffice.user.flag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagSetting;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A flag whose setting an admin changed at runtime; the version makes the later of two concurrent changes fail. */
@Entity
@Table(name = "feature_flags")
class FlagOverride {

    @Id
    private String name;

    private String setting;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private UUID updatedBy;

    /** Null until first stored: how Spring Data tells a new entity from a stored one. */
    @Version
    private @Nullable Long version;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected FlagOverride() {
    }

    FlagOverride(String name, FlagSetting setting, UUID by, Instant now) {
        this.name = name;
        change(setting, by, now);
    }

    void change(FlagSetting newSetting, UUID by, Instant now) {
        this.setting = newSetting.toJson();
        this.updatedBy = by;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    String name() {
        return name;
    }

    FlagSetting setting() {
        return FlagSetting.fromJson(setting);
    }

    Instant updatedAt() {
        return updatedAt;
    }

    UUID updatedBy() {
        return updatedBy;
    }
}
