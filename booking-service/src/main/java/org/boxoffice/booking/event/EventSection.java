package org.boxoffice.booking.event;

import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.venue.SectionKind;

/**
 * A section an event sells, with its price tier. Fixed once the event is published. A {@code hidden} one is not listed
 * to buyers and sells only with an access code that covers it.
 */
public record EventSection(UUID sectionId, String code, String name, SectionKind kind, int capacity, String tier,
        long priceMinor, Currency currency, boolean hidden) {

    /** A row of the event's sections query, with the tier's currency code. */
    public EventSection(UUID sectionId, String code, String name, SectionKind kind, int capacity, String tier,
            long priceMinor, String currency, boolean hidden) {
        this(sectionId, code, name, kind, capacity, tier, priceMinor, Currency.getInstance(currency), hidden);
    }

    public boolean seated() {
        return kind == SectionKind.SEATED;
    }
}
