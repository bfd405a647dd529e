package org.boxoffice.platform.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * The catalogue of bad inputs {@link InputFuzz} sends, by kind: path values, query values and JSON values for a
 * member of a given schema; and the encodings requests are written in.
 */
final class FuzzValues {

    static final String KB10 = "a".repeat(10 * 1024);
    static final String KB100 = "x".repeat(100 * 1024);

    private FuzzValues() {
    }

    static List<String> badPathValues() {
        return List.of("not-a-uuid", "%20", "null", "-1", "0", "99999999999999999999", KB10, "%00", "a%00b",
                "..%2F..%2Factuator", "..", "%2e%2e", "%E2%9C%93%F0%9F%92%A5", "%FF%FE", "%C0%AF",
                "00000000-0000-0000-0000-000000000000", "1-1-1-1-1", "x;jsessionid=1", "%0d%0aX-Injected:%201",
                "%25", "%5C");
    }

    static List<String> badQueryValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("abc", "", "-1", "0", "2147483648", "-2147483649",
                "9223372036854775808", "1e309", "NaN", "1000000000", "NOT_AN_ENUM", "2026-13-45T25%3A61%3A00Z",
                "not-a-date", "%2B1000000000-12-31T23%3A59%3A59Z", "-999999999-01-01", KB10.substring(0, 4000),
                "%00", "%FF", "%E2%9C%93", "unknownField%2Casc", "id%2Csideways", "%2C"));
        String type = FuzzSchema.type(schema);
        if (type.equals("array")) {
            values.add(KB10.substring(0, 2000).replace("a", "a%2C").substring(0, 2000));
        }
        return values;
    }

    /** Raw JSON values that do not belong in a member of this schema (and boundary ones that might). */
    static List<String> badJsonValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]", "\"\"", "\"" + KB100 + "\""));
        if (schema.has("enum")) {
            values.addAll(List.of("\"NOT_AN_ENUM_VALUE\"", "\"" + schema.path("enum").path(0).asString().toLowerCase(Locale.ROOT)
                    + "\"", "99", "0"));
        }
        switch (FuzzSchema.type(schema)) {
            case "string" -> {
                values.addAll(List.of("\" \"", "\"\\u0000\"", "\"\\uD83D\"", "\"\u00e9\u2713\ud83d\udca5\"", "12345",
                        "true", "1e309", "\"" + KB10 + "\""));
                String format = schema.path("format").asString();
                if (format.equals("uuid")) {
                    values.addAll(List.of("\"not-a-uuid\"", "\"1-1-1-1-1\"", "\"00000000-0000-0000-0000-000000000000\"",
                            "\"ffffffff-ffff-ffff-ffff-ffffffffffffff\""));
                } else if (format.equals("date-time")) {
                    values.addAll(List.of("\"not-a-date\"", "\"2026-13-45T25:61:00Z\"", "\"+1000000000-12-31T23:59:59Z\"",
                            "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"",
                            "0", "-1", "9223372036854775807", "1e309", "-9.9e300"));
                } else if (format.equals("date")) {
                    values.addAll(List.of("\"2026-02-30\"", "\"0000-00-00\"", "\"+999999999-12-31\"", "\"-999999999-01-01\""));
                } else if (format.equals("email")) {
                    values.addAll(List.of("\"not-an-email\"", "\"@\"", "\"a@b\"", "\"" + KB10 + "@example.com\""));
                } else if (format.equals("duration")) {
                    values.addAll(List.of("\"PT-1S\"", "\"P9999999999D\"", "\"not-a-duration\""));
                }
            }
            case "integer", "number" -> values.addAll(List.of("\"abc\"", "0", "-1", "2147483648", "-2147483649",
                    "9223372036854775808", "-9223372036854775809", "1e309", "-1e309", "1.5", "\"NaN\"", "\"Infinity\"",
                    "true", "1" + "0".repeat(400)));
            case "boolean" -> values.addAll(List.of("\"yes\"", "2", "\"\"", "\"true \""));
            case "array" -> values.addAll(List.of("\"x\"", "[null]", "[[]]", "[" + "null,".repeat(5_000) + "null]"));
            case "object" -> values.addAll(List.of("\"x\"", "42", "{\"fuzzUnknownField\":1}"));
            default -> {
            }
        }
        return values;
    }


    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
