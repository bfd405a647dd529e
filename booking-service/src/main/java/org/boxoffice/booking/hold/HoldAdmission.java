package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.booking.promo.PromoCode;
import org.boxoffice.booking.venue.SectionNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Which sections a hold may take and with which access code, decided from the event listing already in memory: a
 * hold on listed sections of an open sale needs no code and reads none (docs/commerce.md, the hold path's cost).
 */
@Component
class HoldAdmission {

    private final CodeRedemption codes;

    HoldAdmission(CodeRedemption codes) {
        this.codes = codes;
    }

    /**
     * The access code the hold needs, checked against its sections: none when the sale is open and every section is
     * listed; else the code, which must be valid and cover every section (a hidden section without a code is not
     * found, as if it did not exist).
     */
    CodeRedemption.@Nullable Accepted require(EventService.Listing listing, @Nullable String accessCode,
            List<EventSection> sections, Instant now) {
        Event event = listing.event();
        boolean presale = event.beforeSaleOpens(now);
        if (!presale && sections.stream().noneMatch(EventSection::hidden)) {
            return null;
        }
        if (accessCode == null) {
            throw new SectionNotFound(sections.stream().filter(EventSection::hidden).findFirst().orElseThrow()
                    .sectionId());
        }
        CodeRedemption.Accepted access = codes.access(event, accessCode, now);
        access.requireCovers(sections.stream()
                .map(section -> new PromoCode.Ticketed(section.sectionId(), section.tier())).toList());
        return access;
    }

    /** The listing's section {@code sectionId}; {@link SectionNotFound} if the event has none such. */
    static EventSection section(EventService.Listing listing, UUID sectionId) {
        return listing.section(sectionId).orElseThrow(() -> new SectionNotFound(sectionId));
    }
}
