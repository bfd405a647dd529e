package org.boxoffice.booking.media;

/** What an image belongs to. */
public enum ImageOwner {
    EVENT, VENUE
}
