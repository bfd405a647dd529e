package org.boxoffice.booking.media;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/**
 * An upload that is not an image this service takes: {@code 415 unsupported-image-type} for bytes that are no PNG or
 * JPEG (whatever the {@code Content-Type} claimed), {@code 422 invalid-image} for one that is too large, too small,
 * too many pixels, or damaged. {@code reason} says which; nothing was stored.
 */
public final class InvalidImage extends ProblemException {

    public static final ProblemType UNSUPPORTED = new ProblemType("unsupported-image-type",
            "Unsupported image type", 415);
    public static final ProblemType INVALID = new ProblemType("invalid-image", "Invalid image", 422);

    private InvalidImage(ProblemType type, String reason, String detail) {
        super(type, detail);
        with("reason", reason);
    }

    static InvalidImage unsupported() {
        return new InvalidImage(UNSUPPORTED, "type", "Upload a PNG or JPEG image: these bytes are neither.");
    }

    static InvalidImage invalid(String reason, String detail) {
        return new InvalidImage(INVALID, reason, detail);
    }
}
