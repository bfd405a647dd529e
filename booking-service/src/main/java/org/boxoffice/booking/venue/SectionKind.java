package org.boxoffice.booking.venue;

/** A section either has numbered seats in rows, or is a general-admission area with a capacity. */
public enum SectionKind {
    SEATED, GENERAL_ADMISSION
}
