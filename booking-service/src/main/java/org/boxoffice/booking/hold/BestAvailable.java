package org.boxoffice.booking.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Chooses the best {@code quantity} seats among the available ones, given best first (nearest row, then number):
 * the first run of adjacent seat numbers in one row long enough, nearest rows first; failing that, the best
 * {@code quantity} seats wherever they are.
 */
final class BestAvailable {

    private BestAvailable() {
    }

    /** The chosen seat ids, or an empty list when fewer than {@code quantity} seats are available. */
    static List<UUID> choose(List<Inventory.Candidate> candidates, int quantity) {
        if (candidates.size() < quantity) {
            return List.of();
        }
        for (List<Inventory.Candidate> row : rows(candidates)) {
            int runStart = 0;
            for (int i = 0; i < row.size(); i++) {
                if (i > 0 && row.get(i).number() != row.get(i - 1).number() + 1) {
                    runStart = i;
                }
                if (i - runStart + 1 == quantity) {
                    return ids(row.subList(runStart, i + 1));
                }
            }
        }
        return ids(candidates.subList(0, quantity));
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
