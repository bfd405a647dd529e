package org.boxoffice.notification.system;

import java.util.List;

/** One page of a list: the items, the page asked for (zero-based), its size, and the totals. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResponse<>(List.copyOf(items), page, size, totalItems, (int) ((totalItems + size - 1) / size));
    }
}
