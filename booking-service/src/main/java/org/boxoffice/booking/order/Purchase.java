package org.boxoffice.booking.order;

import java.util.Currency;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who buys the tickets of which checked-out hold of which event, paying in the event's currency: part of the
 * {@link Order}, fixed when it is placed.
 */
@Embeddable
public record Purchase(@Column(name = "event_id") UUID eventId, @Column(name = "hold_id") UUID holdId,
        @Column(name = "buyer_id") UUID buyerId, @Column(name = "buyer_email") String buyerEmail,
        @JdbcTypeCode(SqlTypes.CHAR) @Column(length = 3) Currency currency) {

    public Purchase {
        if (buyerEmail.isBlank()) {
            throw new IllegalArgumentException("an order's tickets go to an address");
        }
    }
}
