package org.boxoffice.booking.media;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageSetTest {

    private static final ImageSet.Variant WIDE = new ImageSet.Variant(800, 400, "a".repeat(64) + ".jpg", "image/jpeg");

    @Test
    void aSetStoredBeforeDescriptionsExistedReadsAsDecoration() {
        ImageSet stored = ImageSet.fromJson("""
                {"variants":[{"width":800,"height":400,"name":"%s","mediaType":"image/jpeg"}]}""".formatted(WIDE.name()));

        assertThat(stored.variants()).containsExactly(WIDE);
        assertThat(stored.description()).isNull();
    }

    @Test
    void keepsTheDescriptionThroughTheDatabaseColumnStrippedAndDropsABlankOne() {
        ImageSet described = new ImageSet(List.of(WIDE), "  The band on stage \n");

        assertThat(described.description()).isEqualTo("The band on stage");
        assertThat(ImageSet.fromJson(described.toJson())).isEqualTo(described);
        assertThat(new ImageSet(List.of(WIDE), " \t").description()).isNull();
    }
}
