package org.camelmindee.ocr.local;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Pages with light text on dark or coloured backgrounds, as business cards, banners and table headers have them:
 * drawn in colour at 300 dpi with Liberation Sans, the words known.
 */
public final class ColouredPages {

    public static final List<String> CARD_LIGHT = List.of("Jane Whitfield", "Senior Logistics Engineer",
            "jane.whitfield@example.com", "+44 20 7946 0321", "42 Harbour Road, Bristol BS1 5TY");
    public static final String CARD_DARK = "Northwind Freight Services Ltd";
    public static final List<String> TABLE_HEADER = List.of("Item", "Quantity", "Unit price", "Amount");
    public static final List<String> TABLE_ROWS = List.of("Pallet wrap", "12", "4.50", "54.00", "Steel strapping", "3",
            "18.20", "54.60");

    private ColouredPages() {
    }

    /** A 3.5 x 2 inch business card: white text on a blue field, the company's name in black on a white strip. */
    public static BufferedImage businessCard() {
        BufferedImage image = new BufferedImage(1050, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(new Color(18, 62, 140));
        g.fillRect(0, 0, 1050, 600);
        g.setColor(Color.WHITE);
        g.fillRect(0, 470, 1050, 130);
        g.setColor(Color.BLACK);
        g.setFont(TestPages.font(11));
        g.drawString(CARD_DARK, 60, 555);
        g.setColor(Color.WHITE);
        g.setFont(TestPages.font(16).deriveFont(Font.BOLD));
        g.drawString(CARD_LIGHT.get(0), 60, 110);
        g.setFont(TestPages.font(10));
        int y = 180;
        for (String line : CARD_LIGHT.subList(1, CARD_LIGHT.size())) {
            g.drawString(line, 60, y);
            y += 70;
        }
        g.dispose();
        return image;
    }

    /** A letter-width page: a table with white column titles on a dark grey header row, rows in black on white. */
    public static BufferedImage tableWithDarkHeader() {
        BufferedImage image = new BufferedImage(2550, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 2550, 900);
        g.setColor(new Color(64, 64, 72));
        g.fillRect(150, 150, 2250, 110);
        g.setFont(TestPages.font(12));
        int[] columns = { 200, 900, 1400, 1950 };
        g.setColor(Color.WHITE);
        for (int i = 0; i < TABLE_HEADER.size(); i++) {
            g.drawString(TABLE_HEADER.get(i), columns[i], 225);
        }
        g.setColor(Color.BLACK);
        for (int row = 0; row < 2; row++) {
            for (int i = 0; i < 4; i++) {
                g.drawString(TABLE_ROWS.get(row * 4 + i), columns[i], 360 + row * 100);
            }
        }
        g.dispose();
        return image;
    }

    /**
     * The image as a phone would take it on a desk: lit from one corner (the far corner gets 45% of the light),
     * turned by a degree and a half on a darker table.
     */
    public static BufferedImage photographed(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        BufferedImage lit = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        double far = Math.hypot(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = 1.0 - 0.55 * Math.hypot(x, y) / far;
                int rgb = source.getRGB(x, y);
                int r = (int) (((rgb >> 16) & 0xff) * light);
                int gr = (int) (((rgb >> 8) & 0xff) * light);
                int b = (int) ((rgb & 0xff) * light);
                lit.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        int margin = Math.max(w, h) / 12;
        BufferedImage photo = new BufferedImage(w + 2 * margin, h + 2 * margin, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(photo);
        g.setColor(new Color(96, 80, 64));
        g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.rotate(Math.toRadians(1.5), photo.getWidth() / 2.0, photo.getHeight() / 2.0);
        g.drawImage(lit, margin, margin, null);
        g.dispose();
        return photo;
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }
}
