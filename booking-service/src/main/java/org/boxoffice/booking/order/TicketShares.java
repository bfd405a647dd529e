package org.boxoffice.booking.order;

import java.util.ArrayList;
import java.util.List;

/**
 * What each ticket of an order carries of its line's discount, fee and tax, in the order the tickets are issued
 * (line by line, a line's quantity after another). A line of several tickets is shared out evenly, the remainder of a
 * minor unit going to its first tickets, so a line's tickets always add up to the line exactly.
 */
final class TicketShares {

    /** One ticket's part of its line: the discount, fee and tax, and what was paid for it. */
    record Share(long discountMinor, long feeMinor, long taxMinor, long paidMinor) {
    }

    private TicketShares() {
    }

    static List<Share> of(List<OrderLine> lines) {
        List<Share> shares = new ArrayList<>();
        for (OrderLine line : lines) {
            int quantity = line.quantity();
            for (int i = 0; i < quantity; i++) {
                shares.add(new Share(part(line.discountMinor(), quantity, i), part(line.feeMinor(), quantity, i),
                        part(line.taxMinor(), quantity, i), part(line.totalMinor(), quantity, i)));
            }
        }
        return List.copyOf(shares);
    }

    /** The {@code i}-th of {@code n} even parts of {@code amount}; the first {@code amount % n} are a unit larger. */
    static long part(long amount, int n, int i) {
        return amount / n + (i < amount % n ? 1 : 0);
    }
}
