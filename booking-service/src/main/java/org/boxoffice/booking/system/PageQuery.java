package org.boxoffice.booking.system;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** A requested page: zero-based number and size (1–100). Controllers validate the bounds. */
public record PageQuery(int page, int size) {

    public PageQuery {
        if (page < 0 || size < 1 || size > 100) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= 100");
        }
    }

    public long offset() {
        return (long) page * size;
    }

    /** This page for a Spring Data repository, in the given order. */
    public Pageable sorted(Sort sort) {
        return PageRequest.of(page, size, sort);
    }
}
