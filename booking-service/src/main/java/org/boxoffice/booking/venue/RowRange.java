package org.boxoffice.booking.venue;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact range of row labels, numeric ({@code 1}–{@code 40}) or single letters ({@code A}–{@code K}), in the
 * order rows sit from the stage outwards.
 */
public record RowRange(String from, String to) {

    public RowRange {
        if (!(isNumber(from) && isNumber(to)) && !(isLetter(from) && isLetter(to))) {
            throw new InvalidSeatMap("rows", "Row range must be two numbers (1-40) or two letters (A-K), got "
                    + from + "-" + to + ".");
        }
        if (labelOrdinal(from) > labelOrdinal(to)) {
            throw new InvalidSeatMap("rows", "Row range " + from + "-" + to + " runs backwards.");
        }
    }

    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        if (isNumber(from)) {
            for (int row = Integer.parseInt(from); row <= Integer.parseInt(to); row++) {
                labels.add(Integer.toString(row));
            }
        } else {
            for (char row = from.toUpperCase().charAt(0); row <= to.toUpperCase().charAt(0); row++) {
                labels.add(Character.toString(row));
            }
        }
        return labels;
    }

    private static boolean isNumber(String label) {
        return label.matches("[1-9][0-9]{0,2}");
    }

    private static boolean isLetter(String label) {
        return label.matches("[A-Za-z]");
    }

    private static int labelOrdinal(String label) {
        return isNumber(label) ? Integer.parseInt(label) : Character.toUpperCase(label.charAt(0));
    }
}
