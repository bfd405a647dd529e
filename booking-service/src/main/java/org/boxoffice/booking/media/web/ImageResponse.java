package org.boxoffice.booking.media.web;

import java.util.List;

import org.boxoffice.booking.media.ImageSet;
import org.jspecify.annotations.Nullable;

/**
 * An image as the API shows it: {@code url} is the widest variant, {@code variants} every stored width (for a
 * {@code srcset}). The URLs are paths on the API's origin, immutable: cache them as long as you like.
 * {@code description} is the organizer's text alternative for the image (a page's {@code alt}), null when none was
 * given: the image is then decoration ({@code alt=""}).
 */
public record ImageResponse(String url, int width, int height, List<Variant> variants,
        @Nullable String description) {

    /** One stored width. */
    public record Variant(String url, int width, int height) {
    }

    public static ImageResponse of(ImageSet image) {
        ImageSet.Variant largest = image.largest();
        return new ImageResponse(ImageSet.path(largest), largest.width(), largest.height(), image.variants().stream()
                .map(variant -> new Variant(ImageSet.path(variant), variant.width(), variant.height())).toList(),
                image.description());
    }

    public static @Nullable ImageResponse ofNullable(@Nullable ImageSet image) {
        return image == null ? null : of(image);
    }
}
