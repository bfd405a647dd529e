package org.boxoffice.booking.event;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A price for one section of the venue, in minor units of the event's currency; a {@code hidden} tier is not listed to
 * buyers and sells only to holders of an access code that covers it (docs/commerce.md).
 */
public record TierSpec(UUID sectionId, String name, long amountMinor, boolean hidden) {

    /** A listed tier. */
    public TierSpec(UUID sectionId, String name, long amountMinor) {
        this(sectionId, name, amountMinor, false);
    }

    /** The sections {@code specs} price: only sections of the venue ({@code venueSections}), one tier each. */
    static Set<UUID> sectionsOf(List<TierSpec> specs, Set<UUID> venueSections) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            TierSpec tier = specs.get(i);
            if (!venueSections.contains(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " is not part of the event's venue.");
            }
            if (!seen.add(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " has more than one tier.");
            }
        }
        return seen;
    }
}
