package org.boxoffice.booking.event;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When an event takes place ({@code timezone}: an IANA zone id, for showing its times) and when its tickets are on
 * sale: the event ends after it starts, sales close after they open and by the end.
 */
@Embeddable
public record Schedule(@Column(name = "starts_at") Instant startsAt, @Column(name = "ends_at") Instant endsAt,
        String timezone, @Column(name = "on_sale_at") Instant onSaleAt,
        @Column(name = "off_sale_at") Instant offSaleAt) {

    public Schedule {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidEvent("endsAt", "The event must end after it starts.");
        }
        if (!offSaleAt.isAfter(onSaleAt)) {
            throw new InvalidEvent("offSaleAt", "Sales must close after they open.");
        }
        if (offSaleAt.isAfter(endsAt)) {
            throw new InvalidEvent("offSaleAt", "Sales must close by the end of the event.");
        }
    }

    Schedule(NewEvent spec) {
        this(spec.startsAt(), spec.endsAt(), spec.timezone().getId(), spec.onSaleAt(), spec.offSaleAt());
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
