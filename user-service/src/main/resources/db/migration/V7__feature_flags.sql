-- Runtime changes to the platform's feature flags (docs/feature-flags.md). The flags and their defaults are in the
-- definitions file every service ships; a row here is a flag whose setting an admin changed at runtime. This table is
-- the record: Redis only carries a copy to every replica, and user-service writes it there again periodically.
CREATE TABLE feature_flags (
    name        text        NOT NULL,
    setting     text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    updated_by  uuid        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT feature_flags_pk PRIMARY KEY (name)
);

-- The audit of every change: who, when, the setting before and after (null: the file's default). Each change gets a
-- version above every earlier one and at least the time of the change in milliseconds, so versions keep growing even
-- after a restore of this table; the newest is the version of the flags every replica applies (and Redis keeps).
CREATE TABLE feature_flag_changes (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    version           bigint      NOT NULL,
    flag              text        NOT NULL,
    changed_at        timestamptz NOT NULL,
    changed_by        uuid        NOT NULL,
    changed_by_email  text        NOT NULL,
    old_setting       text,
    new_setting       text,
    CONSTRAINT feature_flag_changes_pk PRIMARY KEY (id),
    CONSTRAINT feature_flag_changes_version_unique UNIQUE (version)
);

CREATE INDEX feature_flag_changes_by_flag ON feature_flag_changes (flag, id DESC);
