package org.boxoffice.browser;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** PNG images drawn by the tests themselves (no text, so no fonts are needed): a sky, a stage and its lights. */
final class TestImages {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TestImages() {
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x1e3a8a), 0, height, new Color(0x7c3aed)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(0x0f172a));
            g.fillRect(0, height * 3 / 4, width, height / 4);
            g.setColor(new Color(0xfacc15));
            for (int i = 1; i <= 5; i++) {
                int x = width * i / 6;
                g.fillOval(x - width / 40, height / 8, width / 20, width / 20);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
