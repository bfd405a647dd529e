package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Used tickets go with a cancelled order only when an organizer includes them, and the refusal says who may. */
class UsedTicketsTest {

    @Test
    void anOrganizerIncludesUsedTicketsOnlyExplicitly() {
        assertThat(UsedTickets.forOrganizer(true)).isEqualTo(UsedTickets.INCLUDED);
        assertThat(UsedTickets.forOrganizer(false)).isEqualTo(UsedTickets.REFUSED_FOR_ORGANIZER);
    }

    @Test
    void theRefusalTellsAnOrganizerHowToIncludeThemAndABuyerThatTheyCannot() {
        Instant first = Instant.parse("2026-12-01T20:00:00Z");

        assertThat(new TicketsCheckedIn(UUID.randomUUID(), 2, first, UsedTickets.REFUSED_FOR_ORGANIZER))
                .hasMessageContaining("includeCheckedIn=true");
        assertThat(new TicketsCheckedIn(UUID.randomUUID(), 1, first, UsedTickets.REFUSED_FOR_BUYER))
                .hasMessageContaining("on the buyer's request");
    }
}
