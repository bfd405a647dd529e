package org.boxoffice.user.organization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An account's membership of an organization, since when. One per account: equal by the account alone. */
@Embeddable
class Membership {

    @Column(name = "account_id")
    private UUID accountId;

    @Column(name = "granted_at")
    private Instant grantedAt;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Membership() {
    }

    Membership(UUID accountId, Instant grantedAt) {
        this.accountId = accountId;
        // As the database keeps it, so that Hibernate finds the row again by its values.
        this.grantedAt = grantedAt.truncatedTo(ChronoUnit.MICROS);
    }

    UUID accountId() {
        return accountId;
    }

    Instant grantedAt() {
        return grantedAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Membership membership && accountId.equals(membership.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId);
    }
}
