package org.boxoffice.booking.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.platform.data.SqlByDesign;

/**
 * Chooses the best {@code quantity} seats among the available ones, given best first (nearest row, then number):
 * blocks of adjacent seat numbers in one row, nearest rows first; failing any, the best {@code quantity} seats
 * wherever they are.
 */
@SqlByDesign("The hold path: chooses seats among the best available ones an indexed "
        + "partial-index read returns, before the fence takes them")
final class BestAvailable {

    private BestAvailable() {
    }

    /** The best choice, or an empty list when fewer than {@code quantity} seats are available. */
    static List<UUID> choose(List<Inventory.Candidate> candidates, int quantity) {
        List<List<UUID>> options = options(candidates, quantity);
        return options.isEmpty() ? List.of() : options.getFirst();
    }

    /**
     * Every choice, best first and none sharing a seat: each row's runs of adjacent seats cut into blocks of
     * {@code quantity} from the aisle-side start of the run, nearest rows first. When no row has a run long enough,
     * the one choice is the best {@code quantity} seats wherever they are; when fewer seats are available, none.
     * Concurrent buyers who read the same seats try these in order and each takes the first block nobody else is
     * taking, instead of all queueing for the first one.
     */
    static List<List<UUID>> options(List<Inventory.Candidate> candidates, int quantity) {
        if (candidates.size() < quantity) {
            return List.of();
        }
        List<List<UUID>> blocks = new ArrayList<>();
        for (List<Inventory.Candidate> row : rows(candidates)) {
            int runStart = 0;
            for (int i = 0; i < row.size(); i++) {
                if (i > 0 && row.get(i).number() != row.get(i - 1).number() + 1) {
                    runStart = i;
                }
                if (i - runStart + 1 == quantity) {
                    blocks.add(ids(row.subList(runStart, i + 1)));
                    runStart = i + 1;
                }
            }
        }
        return blocks.isEmpty() ? List.of(ids(candidates.subList(0, quantity))) : blocks;
    }

    private static List<UUID> ids(List<Inventory.Candidate> seats) {
        List<UUID> ids = new ArrayList<>();
        seats.forEach(seat -> ids.add(seat.seatId()));
        return ids;
    }

    /** Candidate seats per row, nearest row first. */
    private static List<List<Inventory.Candidate>> rows(List<Inventory.Candidate> candidates) {
        List<List<Inventory.Candidate>> rows = new ArrayList<>();
        int current = Integer.MIN_VALUE;
        for (Inventory.Candidate candidate : candidates) {
            if (candidate.rowPosition() != current) {
                rows.add(new ArrayList<>());
                current = candidate.rowPosition();
            }
            rows.getLast().add(candidate);
        }
        return rows;
    }
}
