package org.boxoffice.booking.media.web;

import java.util.List;

import org.boxoffice.booking.media.ImageSet;
import org.jspecify.annotations.Nullable;

/**
 * An image as the API shows it: {@code url} is the widest variant, {@code variants} every stored width (for a
 * {@code srcset}). The URLs are paths on the API's origin, immutable: cache them as long as you like.
 */
public record ImageResponse(String url, int width, int height, List<Variant> variants) {

    /** One stored width. */
    public record Variant(String url, int width, int height) {
    }

    public static ImageResponse of(ImageSet image) {
        ImageSet.Variant largest = image.largest();
        return new ImageResponse(ImageSet.path(largest), largest.width(), largest.height(), image.variants().stream()
                .map(variant -> new Variant(ImageSet.path(variant), variant.width(), variant.height())).toList());
    }

    public static @Nullable ImageResponse ofNullable(@Nullable ImageSet image) {
        return image == null ? null : of(image);
    }
}
