package org.boxoffice.booking.event;

import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.venue.SectionKind;

/** A section an event sells, with its price tier. Fixed once the event is published. */
public record EventSection(UUID sectionId, String code, String name, SectionKind kind, int capacity, String tier,
        long priceMinor, Currency currency) {

    /** A row of the event's sections query, with the tier's currency code. */
    public EventSection(UUID sectionId, String code, String name, SectionKind kind, int capacity, String tier,
            long priceMinor, String currency) {
        this(sectionId, code, name, kind, capacity, tier, priceMinor, Currency.getInstance(currency));
    }

    public boolean seated() {
        return kind == SectionKind.SEATED;
    }
}
