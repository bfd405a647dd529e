package org.boxoffice.booking.media;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An uploaded image's variants, narrowest first. Each variant's {@code name} is the SHA-256 of its bytes and its
 * extension ({@code 3fa9….jpg}): the same bytes always have the same name, and a changed image a new one, so a name
 * can be cached forever. {@code description} is the organizer's text alternative (what the picture shows, for
 * people who cannot see it: the page's {@code alt}); without one the image is shown as decoration.
 */
public record ImageSet(List<Variant> variants, @Nullable String description) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One stored size of the image. */
    public record Variant(int width, int height, String name, String mediaType) {
    }

    public ImageSet {
        variants = variants.stream().sorted(Comparator.comparingInt(Variant::width)).toList();
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("an image has at least one variant");
        }
        description = description == null || description.isBlank() ? null : description.strip();
    }

    /** The widest variant. */
    public Variant largest() {
        return variants.getLast();
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    static ImageSet fromJson(String json) {
        try {
            return JSON.readValue(json, ImageSet.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored image set unreadable: " + e.getMessage(), e);
        }
    }

    /** The path a variant is served at (public, immutable). */
    public static String path(Variant variant) {
        return "/api/v1/media/images/" + variant.name();
    }
}
