package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;

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
        String requestDirectives = SharedCacheRules.directives(request.getHeaders());
        if (requestDirectives.contains("no-store")) {
            return chain.filter(exchange);
        }
        String key = SharedCacheRules.key(request);
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
        if (etag != null && SharedCacheRules.matches(exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH), etag)) {
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
            long maxAge = SharedCacheRules.storableFor(getStatusCode(), getHeaders(), settings.maxAge(),
                    settings.maxBodySize().toBytes());
            if (maxAge <= 0) {
                return super.writeWith(body);
            }
            return DataBufferUtils.join(Flux.from(body)).flatMap(joined -> {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                DataBufferUtils.release(joined);
                if (bytes.length <= settings.maxBodySize().toBytes()) {
                    HttpHeaders kept = new HttpHeaders();
                    SharedCacheRules.STORED_HEADERS.forEach(name -> {
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
    }

    @Override
    public int getOrder() {
        // After the rate limits (+10), before the waiting room's pass check (+20), its platform signals (+30) and
        // routing: an answer from memory is counted against the client's budget but is not load on a service.
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
