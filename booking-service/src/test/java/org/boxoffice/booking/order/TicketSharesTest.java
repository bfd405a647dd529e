package org.boxoffice.booking.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Each ticket's share of its line: even parts, the remainder to the first tickets, adding up to the line. */
class TicketSharesTest {

    @Test
    void aLineOfSeveralTicketsIsSharedOutEvenlyAndAddsUpExactly() {
        OrderLine seat = new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "seat", 1, 4_500, 4_500, 450, 203, 808,
                5_061);
        OrderLine area = new OrderLine(UUID.randomUUID(), null, "floor", 3, 2_500, 7_500, 0, 375, 1_496, 9_371);

        List<TicketShares.Share> shares = TicketShares.of(List.of(seat, area));

        assertThat(shares).containsExactly(new TicketShares.Share(450, 203, 808, 5_061),
                new TicketShares.Share(0, 125, 499, 3_124), new TicketShares.Share(0, 125, 499, 3_124),
                new TicketShares.Share(0, 125, 498, 3_123));
        assertThat(shares.subList(1, 4).stream().mapToLong(TicketShares.Share::taxMinor).sum()).isEqualTo(1_496);
        assertThat(shares.subList(1, 4).stream().mapToLong(TicketShares.Share::paidMinor).sum()).isEqualTo(9_371);
    }
}
