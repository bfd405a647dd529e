package org.boxoffice.booking.event;

import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.venue.SectionKind;

/** A section an event sells, with its price tier. Fixed once the event is published. */
public record EventSection(UUID sectionId, String code, String name, SectionKind kind, int capacity, String tier,
        long priceMinor, Currency currency) {

    public boolean seated() {
        return kind == SectionKind.SEATED;
    }
}
