package org.boxoffice.booking.system;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list: the items, the page asked for (zero-based), its size, and the totals. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        int pages = (int) ((totalItems + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(items), query.page(), query.size(), totalItems, pages);
    }

    /** A page a Spring Data repository read for {@code query}. */
    public static <T> PageResponse<T> of(Page<T> page, PageQuery query) {
        return of(page.getContent(), query, page.getTotalElements());
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
