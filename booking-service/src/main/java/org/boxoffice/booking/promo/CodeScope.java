package org.boxoffice.booking.promo;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The tickets a code applies to: those of a listed section or of a listed tier; none listed means every ticket of
 * the event. The same rule for both kinds: a discount code discounts only these, an access code opens only these.
 */
@Embeddable
record CodeScope(@JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "section_ids") UUID[] sections,
        @JdbcTypeCode(SqlTypes.ARRAY) @Column(name = "tier_names") String[] tiers) {

    static final CodeScope EVERY_TICKET = new CodeScope(new UUID[0], new String[0]);

    /** The scope of these sections and tiers, each once; refuses a blank tier name. */
    static CodeScope of(List<UUID> sectionIds, List<String> tierNames) {
        for (int i = 0; i < tierNames.size(); i++) {
            if (tierNames.get(i).isEmpty()) {
                throw new InvalidCode("tierNames[" + i + "]", "A tier name is not blank.");
            }
        }
        return new CodeScope(sectionIds.stream().distinct().toArray(UUID[]::new),
                tierNames.stream().distinct().toArray(String[]::new));
    }

    /** Whether the code applies to a ticket of this section and tier. */
    boolean covers(UUID sectionId, String tierName) {
        if (sections.length == 0 && tiers.length == 0) {
            return true;
        }
        return Arrays.asList(sections).contains(sectionId) || Arrays.asList(tiers).contains(tierName);
    }

    /** Refuses tickets outside the scope of code {@code code}. */
    void requireCovers(String code, List<PromoCode.Ticketed> tickets) {
        for (PromoCode.Ticketed ticket : tickets) {
            if (!covers(ticket.sectionId(), ticket.tierName())) {
                throw new CodeNotApplicable(code, CodeNotApplicable.Reason.NOT_FOR_THESE_TICKETS, "Code " + code
                        + " does not open tier " + ticket.tierName() + " (section " + ticket.sectionId() + ").");
            }
        }
    }

    List<UUID> sectionIds() {
        return List.of(sections);
    }

    List<String> tierNames() {
        return List.of(tiers);
    }
}
