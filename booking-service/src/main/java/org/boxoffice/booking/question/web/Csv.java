package org.boxoffice.booking.question.web;

import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields holding a comma, quote or line break enclosed in quotes with quotes doubled.
 * Text a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed with a single quote:
 * buyers type these answers, and organizers open the file in a spreadsheet.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(text(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    static String text(String value) {
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
