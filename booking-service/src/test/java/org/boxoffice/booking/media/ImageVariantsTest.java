package org.boxoffice.booking.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageVariantsTest {

    static final MediaProperties LIMITS = new MediaProperties(DataSize.ofMegabytes(8), 40_000_000, 200,
            List.of(400, 800, 1600));

    @Test
    void aWidePhotoIsStoredAsJpegInEveryWidthNarrowerThanItWithItsProportions() throws Exception {
        List<ImageVariants.Encoded> variants = ImageVariants.of(image("png", 2400, 1200, false), LIMITS);

        assertThat(variants).extracting(ImageVariants.Encoded::width).containsExactly(400, 800, 1600);
        assertThat(variants).extracting(ImageVariants.Encoded::height).containsExactly(200, 400, 800);
        assertThat(variants).allSatisfy(variant -> {
            assertThat(variant.mediaType()).as("an opaque image").isEqualTo("image/jpeg");
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(variant.bytes()));
            assertThat(decoded.getWidth()).isEqualTo(variant.width());
            assertThat(decoded.getHeight()).isEqualTo(variant.height());
        });
    }

    @Test
    void aSmallImageIsNeverEnlargedAndTransparencyStaysPng() throws Exception {
        List<ImageVariants.Encoded> variants = ImageVariants.of(image("png", 500, 250, true), LIMITS);

        assertThat(variants).extracting(ImageVariants.Encoded::width).containsExactly(400, 500);
        assertThat(variants).extracting(ImageVariants.Encoded::mediaType).containsOnly("image/png");
    }

    @Test
    void theTypeIsReadFromTheBytesNotFromTheName() throws Exception {
        assertThat(ImageVariants.format(image("jpg", 300, 300, false))).isEqualTo("jpeg");
        assertThat(ImageVariants.format(image("png", 300, 300, false))).isEqualTo("png");
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ImageVariants.of(gif, LIMITS))
                .isInstanceOfSatisfying(InvalidImage.class, refused ->
                        assertThat(refused.type().slug()).isEqualTo("unsupported-image-type"));
        assertThatThrownBy(() -> ImageVariants.of("<svg onload=alert(1)>".getBytes(), LIMITS))
                .isInstanceOf(InvalidImage.class);
    }

    @Test
    void refusesTooLargeTooManyPixelsTooNarrowAndDamagedImagesWithTheReason() throws Exception {
        assertReason(() -> ImageVariants.of(image("png", 300, 300, false),
                new MediaProperties(DataSize.ofBytes(100), 40_000_000, 200, List.of(400))), "size");
        assertReason(() -> ImageVariants.of(image("png", 1000, 1000, false),
                new MediaProperties(DataSize.ofMegabytes(8), 999_999, 200, List.of(400))), "pixels");
        assertReason(() -> ImageVariants.of(image("png", 100, 300, false), LIMITS), "width");
        byte[] png = image("png", 300, 300, false);
        assertReason(() -> ImageVariants.of(Arrays.copyOf(png, 40), LIMITS), "damaged");
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidImage.class, refused -> {
            assertThat(refused.type().slug()).isEqualTo("invalid-image");
            assertThat(refused.properties()).containsEntry("reason", reason);
        });
    }

    static byte[] image(String format, int width, int height, boolean alpha) throws Exception {
        BufferedImage image = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(alpha ? new Color(200, 30, 30, 128) : new Color(200, 30, 30));
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 2, 0, width / 2, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("ImageIO writes " + format).isTrue();
        return out.toByteArray();
    }
}
