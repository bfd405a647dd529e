package org.boxoffice.platform.web;

import java.util.List;

/**
 * A CSV file as RFC 4180 writes it: CRLF line ends, fields holding a comma, quote or line break enclosed in quotes
 * with quotes doubled. Numbers are written as they are; text that a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) is prefixed with a single quote, because what buyers type and organizers name ends up
 * in these files, and the files end up in spreadsheets.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    /** Appends one record: each field a {@link Number} as it is, anything else as its text. */
    public Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object field = fields.get(i);
            out.append(field instanceof Number number ? number.toString() : text(String.valueOf(field)));
        }
        out.append("\r\n");
        return this;
    }

    /** One text field, defused if a spreadsheet would run it and quoted if RFC 4180 requires it. */
    public static String text(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
