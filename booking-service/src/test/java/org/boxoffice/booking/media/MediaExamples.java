package org.boxoffice.booking.media;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Stored images and the upload refusals, whose constructors the domain keeps to itself, for the web slices. */
public final class MediaExamples {

    /** A name as images are stored under: the hash of the bytes, and the type. */
    public static final String NAME = "ab".repeat(32) + ".jpg";

    private MediaExamples() {
    }

    /** An image stored at 400 and 800 pixels wide. */
    public static ImageSet twoWidths(@Nullable String description) {
        return new ImageSet(List.of(new ImageSet.Variant(800, 450, "cd".repeat(32) + ".jpg", "image/jpeg"),
                new ImageSet.Variant(400, 225, NAME, "image/jpeg")), description);
    }

    public static RuntimeException unsupported() {
        return InvalidImage.unsupported();
    }

    public static RuntimeException invalid(String reason) {
        return InvalidImage.invalid(reason, "The image is " + reason + ".");
    }
}
