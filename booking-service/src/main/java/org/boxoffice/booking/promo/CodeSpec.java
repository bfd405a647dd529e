package org.boxoffice.booking.promo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A code as the organizer defines it. A discount code has exactly one of {@code percentOff} (1–100) and
 * {@code amountOffMinor} (per ticket, in the event's currency); an access code has neither. Empty
 * {@code sectionIds} and {@code tierNames} mean every ticket of the event; otherwise the code applies to tickets of a
 * listed section or of a listed tier. Null limits and window ends mean none.
 */
public record CodeSpec(String code, CodeKind kind, @Nullable Integer percentOff, @Nullable Long amountOffMinor,
        List<UUID> sectionIds, List<String> tierNames, @Nullable Integer maxUses, @Nullable Integer maxUsesPerBuyer,
        @Nullable Instant validFrom, @Nullable Instant validUntil) {

    public CodeSpec {
        sectionIds = List.copyOf(sectionIds);
        tierNames = tierNames.stream().map(String::strip).toList();
    }
}
