package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A shared HTTP cache at the edge, as a CDN in front of the gateway would be (RFC 9111): a {@code GET} whose answer
 * a service marked {@code Cache-Control: public, max-age=N} (booking's catalogue, events and availability) is kept for
 * N seconds and answered from memory to every client, with {@code Age}, and with {@code 304 Not Modified} when the
 * client's {@code If-None-Match} names its {@code ETag}. In an on-sale, thousands of buyers polling the same
 * availability cost one request a second to booking-service instead of one per buyer, and each of them costs the
 * gateway no proxied call.
 *
 * <p>It runs after authentication and the rate limits (a cached answer is still only for a client the edge lets in)
 * and before routing. {@code public} is what allows a shared cache to answer a request that carried
 * {@code Authorization} (RFC 9111 §3.5); an answer that is {@code private}, {@code no-store}, {@code no-cache}, sets a
 * cookie, varies on anything but content negotiation and CORS request headers, is not a 200, or is larger than
 * {@code max-body-size} is never kept. Only the representation's own headers are replayed, never a request's
 * ({@code X-Request-Id}, trace context). A client's {@code Cache-Control: no-cache} or {@code no-store} goes to the
 * service. Each replica keeps its own entries: at most one request per entry and second per replica reaches a service.
 */
@Component
class EdgeCache implements GlobalFilter, Ordered {

    /**
     * The request headers a representation may vary on; all of them are part of the key, so any such Vary is safe.
     * The CORS ones are there because Spring's CORS support adds {@code Vary: Origin, Access-Control-Request-Method,
     * Access-Control-Request-Headers} to every answer.
     */
    private static final List<String> KEY_HEADERS = List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING,
            HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.ORIGIN, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD,
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    /** The representation's headers replayed from the cache; everything else belonged to the first exchange. */
    private static final List<String> STORED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_ENCODING,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CACHE_CONTROL, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.VARY);

    /** One kept answer; {@code storedAt} and {@code maxAge} in nanoseconds of {@link System#nanoTime()}. */
    private record Entry(HttpHeaders headers, byte[] body, long storedAt, long maxAge) {

        boolean freshAt(long now) {
            return now - storedAt < maxAge;
        }

        long ageSeconds(long now) {
            return Duration.ofNanos(now - storedAt).toSeconds();
        }
    }

    private final EdgeProperties.Cache settings;
    private final Cache<String, Entry> entries;
    private final Counter hits;
    private final Counter notModified;
    private final Counter misses;

    EdgeCache(EdgeProperties edge, MeterRegistry meters) {
        this.settings = edge.cache();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(settings.maxSize().toBytes())
                .weigher((String key, Entry entry) -> key.length() + entry.body().length)
                .expireAfterWrite(settings.maxAge())
                .build();
        String name = "boxoffice.gateway.cache.requests";
        String description = "GET requests the edge cache could answer: from memory (hit, not-modified) or not (miss)";
        this.hits = Counter.builder(name).description(description).tag("result", "hit").register(meters);
        this.notModified = Counter.builder(name).description(description).tag("result", "not-modified").register(meters);
        this.misses = Counter.builder(name).description(description).tag("result", "miss").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!settings.enabled() || request.getMethod() != HttpMethod.GET) {
            return chain.filter(exchange);
        }
        String requestDirectives = directives(request.getHeaders());
        if (requestDirectives.contains("no-store")) {
            return chain.filter(exchange);
        }
        String key = key(request);
        long now = System.nanoTime();
        Entry entry = requestDirectives.contains("no-cache") ? null : entries.getIfPresent(key);
        if (entry != null && entry.freshAt(now)) {
            return answer(exchange, entry, now);
        }
        misses.increment();
        return chain.filter(exchange.mutate().response(new Keeping(exchange.getResponse(), key)).build());
    }

    private Mono<Void> answer(ServerWebExchange exchange, Entry entry, long now) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        entry.headers().forEach(headers::put);
        headers.set(HttpHeaders.AGE, Long.toString(entry.ageSeconds(now)));
        String etag = entry.headers().getETag();
        if (etag != null && matches(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH), etag)) {
            notModified.increment();
            headers.remove(HttpHeaders.CONTENT_TYPE);
            headers.remove(HttpHeaders.CONTENT_ENCODING);
            response.setStatusCode(HttpStatus.NOT_MODIFIED);
            return response.setComplete();
        }
        hits.increment();
        response.setStatusCode(HttpStatus.OK);
        headers.setContentLength(entry.body().length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(entry.body())));
    }

    /** Keeps the answer on its way to the client when the service allowed a shared cache to. */
    private final class Keeping extends ServerHttpResponseDecorator {

        private final String key;

        Keeping(ServerHttpResponse delegate, String key) {
            super(delegate);
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            long maxAge = maxAge();
            if (maxAge <= 0) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                if (bytes.length <= settings.maxBodySize().toBytes()) {
                    HttpHeaders kept = new HttpHeaders();
                    STORED_HEADERS.forEach(name -> {
                        List<String> values = getHeaders().get(name);
                        if (values != null) {
                            kept.put(name, List.copyOf(values));
                        }
                    });
                    entries.put(key, new Entry(HttpHeaders.readOnlyHttpHeaders(kept), bytes, System.nanoTime(), maxAge));
                }
                return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
            });
        }

        /** How long this answer may be kept, in nanoseconds; 0 when it may not be kept. */
        private long maxAge() {
            HttpHeaders headers = getHeaders();
            HttpStatusCode status = getStatusCode();
            if (status == null || status.value() != 200 || headers.containsHeader(HttpHeaders.SET_COOKIE)) {
                return 0;
            }
            long length = headers.getContentLength();
            if (length > settings.maxBodySize().toBytes()) {
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
            long capped = Math.min(seconds, settings.maxAge().toSeconds());
            return capped <= 0 ? 0 : Duration.ofSeconds(capped).toNanos();
        }
    }

    private static String key(ServerHttpRequest request) {
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

    private static String directives(HttpHeaders headers) {
        List<String> values = headers.getOrEmpty(HttpHeaders.CACHE_CONTROL);
        String pragma = headers.getFirst(HttpHeaders.PRAGMA);
        String joined = String.join(",", values) + (pragma == null ? "" : "," + pragma);
        return joined.toLowerCase(Locale.ROOT).replace(" ", "");
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

    @Override
    public int getOrder() {
        // After the rate limits (+10), before the waiting room's pass check (+20), its platform signals (+30) and
        // routing: an answer from memory is counted against the client's budget but is not load on a service.
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
