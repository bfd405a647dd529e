-- An event's waiting room (docs/waiting-room.md): whether buyers queue at the gateway before they may hold seats of
-- the event, and how fast the gateway lets them in. No row, or enabled = false: holds need no pass.
CREATE TABLE waiting_room (
    event_id             uuid        PRIMARY KEY CONSTRAINT waiting_room_of_event REFERENCES event (id),
    enabled              boolean     NOT NULL,
    mode                 text        NOT NULL CONSTRAINT waiting_room_mode_known CHECK (mode IN ('FIXED', 'AUTO')),
    rate_per_minute      integer     NOT NULL,
    min_rate_per_minute  integer     NOT NULL,
    max_rate_per_minute  integer     NOT NULL,
    opens_before_seconds integer     NOT NULL CONSTRAINT waiting_room_opens_before_not_negative
        CHECK (opens_before_seconds >= 0),
    pass_seconds         integer     NOT NULL CONSTRAINT waiting_room_pass_lifetime_positive CHECK (pass_seconds > 0),
    updated_at           timestamptz NOT NULL,
    CONSTRAINT waiting_room_rate_within_bounds
        CHECK (0 < min_rate_per_minute AND min_rate_per_minute <= rate_per_minute
               AND rate_per_minute <= max_rate_per_minute)
);
