package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * What RFC 9111 lets a shared cache do, as {@link EdgeCache} applies it: the key of a request, whether a request
 * lets the cache answer, how long an answer may be kept, and which of its headers are replayed. No state: the
 * cache's entries and counters are {@link EdgeCache}'s.
 */
final class SharedCacheRules {

    /**
     * The request headers a representation may vary on; all of them are part of the key, so any such Vary is safe.
     * The CORS ones are there because Spring's CORS support adds {@code Vary: Origin, Access-Control-Request-Method,
     * Access-Control-Request-Headers} to every answer.
     */
    private static final List<String> KEY_HEADERS = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING,
            HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    /** The representation's headers replayed from the cache; everything else belonged to the first exchange. */
    static final List<String> STORED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.VARY);

    private SharedCacheRules() {
    }

    static String key(ServerHttpRequest request) {
        StringBuilder key = new StringBuilder(request.getURI().getRawPath());
        String query = request.getURI().getRawQuery();
        if (query != null) {
            key.append('?').append(query);
        }
        HttpHeaders headers = request.getHeaders();
        for (String name : KEY_HEADERS) {
            key.append('\n').append(String.join(",", headers.getOrEmpty(name)));
        }
        return key.toString();
    }

    /** The Cache-Control (and Pragma) directives of a request or an answer, lower case, without blanks. */
    static String directives(HttpHeaders headers) {
        List<String> values = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
        String pragma = headers.getFirst(HttpHeaders.PRAGMA);
        String joined = String.join(",", values) + (pragma == null ? "" : "," + pragma);
        return joined.toLowerCase(Locale.ROOT).replace(" ", "");
    }

    /**
     * How long an answer may be kept, in nanoseconds, at most {@code maxAge} and no body larger than {@code maxBody};
     * 0 when it may not be kept at all.
     */
    static long storableFor(@Nullable HttpStatusCode status, HttpHeaders headers, Duration maxAge, long maxBody) {
        if (status == null || status.value() != 200 || headers.containsHeader(HttpHeaders.SET_COOKIE)) {
            return 0;
        }
        long length = headers.getContentLength();
        if (length > maxBody) {
            return 0;
        }
        for (String vary : headers.getVary()) {
            if (KEY_HEADERS.stream().noneMatch(vary::equalsIgnoreCase)) {
                return 0;
            }
        }
        String directives = directives(headers);
        if (!directives.contains("public") || directives.contains("private") || directives.contains("no-store")
                || directives.contains("no-cache")) {
            return 0;
        }
        long seconds = seconds(directives, "s-maxage=");
        if (seconds < 0) {
            seconds = seconds(directives, "max-age=");
        }
        long capped = Math.min(seconds, maxAge.toSeconds());
        return capped <= 0 ? 0 : Duration.ofSeconds(capped).toNanos();
    }

    /** The number after {@code name} in the directives, or -1 when absent or not a number. */
    private static long seconds(String directives, String name) {
        for (String directive : directives.split(",")) {
            if (directive.startsWith(name)) {
                try {
                    return Long.parseLong(directive.substring(name.length()).replace("\"", ""));
                } catch (NumberFormatException notANumber) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Weak comparison (RFC 9110 §13.1.2): {@code *} or any listed tag equal to {@code etag}, ignoring {@code W/}.
     * Parsed by hand: a malformed header from a client is simply no match, never an error.
     */
    static boolean matches(List<String> ifNoneMatch, String etag) {
        String opaque = opaque(etag);
        for (String header : ifNoneMatch) {
            for (String tag : header.split(",")) {
                if ("*".equals(tag.trim()) || opaque(tag).equals(opaque)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String trimmed = tag.trim();
        return trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed;
    }
}
