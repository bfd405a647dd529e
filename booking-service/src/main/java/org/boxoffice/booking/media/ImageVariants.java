package org.boxoffice.booking.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Reads an uploaded image and encodes its variants with ImageIO. The type is read from the bytes (PNG or JPEG: the
 * magic numbers), never from what the client said; the dimensions are read from the header and checked before any
 * pixel is decoded, so a small file that claims a huge image cannot exhaust memory. Variants are re-encoded (which
 * also drops metadata such as a photo's location): JPEG, or PNG when the image has transparency.
 */
final class ImageVariants {

    /** One encoded variant. */
    record Encoded(int width, int height, byte[] bytes, String mediaType, String extension) {
    }

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };
    private static final float JPEG_QUALITY = 0.85f;

    private ImageVariants() {
    }

    static List<Encoded> of(byte[] upload, MediaProperties limits) {
        if (upload.length > limits.maxImageSize().toBytes()) {
            throw InvalidImage.invalid("size", "The image is " + upload.length + " bytes; at most "
                    + limits.maxImageSize().toBytes() + " are accepted.");
        }
        BufferedImage image = decode(upload, format(upload), limits);
        int maxWidth = limits.widths().stream().mapToInt(Integer::intValue).max().orElse(image.getWidth());
        TreeSet<Integer> widths = new TreeSet<>();
        limits.widths().stream().filter(width -> width < image.getWidth()).forEach(widths::add);
        widths.add(Math.min(image.getWidth(), maxWidth));
        boolean alpha = image.getColorModel().hasAlpha();
        List<Encoded> variants = new ArrayList<>();
        for (int width : widths) {
            int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
            BufferedImage scaled = scale(image, width, height, alpha);
            variants.add(alpha ? new Encoded(width, height, png(scaled), "image/png", "png")
                    : new Encoded(width, height, jpeg(scaled), "image/jpeg", "jpg"));
        }
        return variants;
    }

    /** The format the bytes are in, whatever the client said. */
    static String format(byte[] bytes) {
        if (startsWith(bytes, PNG)) {
            return "png";
        }
        if (startsWith(bytes, JPEG)) {
            return "jpeg";
        }
        throw InvalidImage.unsupported();
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static BufferedImage decode(byte[] bytes, String format, MediaProperties limits) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > limits.maxPixels()) {
                throw InvalidImage.invalid("pixels", "The image is " + width + "×" + height + " pixels; at most "
                        + limits.maxPixels() + " pixels are accepted.");
            }
            if (width < limits.minWidth()) {
                throw InvalidImage.invalid("width", "The image is " + width + " pixels wide; at least "
                        + limits.minWidth() + " are needed.");
            }
            return reader.read(0);
        } catch (IOException | RuntimeException damaged) {
            if (damaged instanceof InvalidImage invalid) {
                throw invalid;
            }
            throw InvalidImage.invalid("damaged", "The image cannot be read: it is damaged or in a variant of "
                    + format.toUpperCase(java.util.Locale.ROOT) + " this service does not read.");
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage scale(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage scaled = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB
                : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            if (!alpha) {
                graphics.setColor(Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return scaled;
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), parameters);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
