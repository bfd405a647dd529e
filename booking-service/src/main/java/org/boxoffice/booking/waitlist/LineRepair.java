package org.boxoffice.booking.waitlist;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.inventory.Inventory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Offers the line the tickets that went on sale past it. Give-backs ask the line in their own transaction, but a
 * ticket can still be on sale while a buyer waits for it: freed while the sale was paused or the list off, or freed
 * by a transaction that ran as the buyer joined (the join read the section as sold out, the give-back did not yet see
 * the new place: neither waits for the other). After each sweep the offer sweeper looks at every section with buyers
 * waiting (of events whose list is on and sale open); where its tickets on sale are enough for the smallest quantity
 * in line, it takes them through the hold path's fences and gives them back through the line, in one transaction.
 */
@Component
class LineRepair {

    private static final int LINES_PER_ROUND = 1_000;

    private final WaitingListStatements statements;
    private final Inventory inventory;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LineRepair(WaitingListStatements statements, Inventory inventory, AvailabilityCache cache,
            TransactionTemplate transactions, Clock clock) {
        this.statements = statements;
        this.inventory = inventory;
        this.cache = cache;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One round; returns how many sections' tickets on sale were taken for their line. */
    int repair() {
        int repaired = 0;
        for (WaitingListStatements.Line line : statements.waitingLines(clock.instant(), LINES_PER_ROUND)) {
            int available = inventory.available(line.eventId(), line.sectionId());
            if (available < line.smallest()) {
                continue;
            }
            InventoryChange change = new InventoryChange(line.eventId());
            Boolean taken = transactions.execute(status -> {
                Optional<Claim> claim = inventory.takeForLine(line.eventId(), line.sectionId(),
                        Math.min(available, line.total()), UUID.randomUUID(), change);
                claim.ifPresent(tickets -> inventory.returnOffered(tickets, change));
                return claim.isPresent();
            });
            cache.apply(change);
            if (Boolean.TRUE.equals(taken)) {
                repaired++;
            }
        }
        return repaired;
    }
}
