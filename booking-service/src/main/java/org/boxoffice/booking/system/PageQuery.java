package org.boxoffice.booking.system;

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
}
