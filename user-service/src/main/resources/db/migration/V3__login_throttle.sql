-- Failed logins no longer lock an account (an attacker could keep its owner out): they slow down one
-- (account, client) pair and cap one client across accounts. One row per subject:
-- 'pair:<email> <client>' or 'client:<client>', where a client is an IPv4 address or an IPv6 /64.
-- login_failures (V2) is what the previous release counts in; it stays while that release may still run during a
-- rolling upgrade, and is dropped by a later migration.
CREATE TABLE login_throttle (
    subject        text        NOT NULL,
    failures       integer     NOT NULL,
    last_failed_at timestamptz NOT NULL,
    blocked_until  timestamptz NOT NULL,
    CONSTRAINT login_throttle_pk PRIMARY KEY (subject),
    CONSTRAINT login_throttle_failures_positive CHECK (failures > 0)
);
-- The pruner deletes rows nobody waits on any more.
CREATE INDEX login_throttle_last_failed_idx ON login_throttle (last_failed_at);
