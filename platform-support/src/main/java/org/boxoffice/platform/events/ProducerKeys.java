package org.boxoffice.platform.events;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One producer's keys: fixed ones from the setting and, with a URL, the ones last fetched from it. */
final class ProducerKeys {

    private static final Logger log = LoggerFactory.getLogger(ProducerKeys.class);

    private final String producer;
    final List<PublicKey> fixed;
    private final @Nullable URI url;
    private final @Nullable RestClient http;
    final Duration refresh;
    private final JsonMapper json;
    private final Clock clock;
    private volatile Map<String, PublicKey> keys;
    private volatile boolean fetched;
    private @Nullable Instant lastAttempt;

    /** {@code http} is the service's observed client with the fetch timeouts; null when no producer has a URL. */
    ProducerKeys(String producer, List<PublicKey> fixed, @Nullable URI url, @Nullable RestClient http, Duration refresh,
            JsonMapper json, Clock clock) {
        this.producer = producer;
        this.fixed = List.copyOf(fixed);
        this.url = url;
        this.http = http;
        this.refresh = refresh;
        this.json = json;
        this.clock = clock;
        this.keys = index(fixed);
    }

    @Nullable PublicKey key(String keyId) {
        return keys.get(keyId);
    }

    boolean ready() {
        if (url == null || fetched) {
            return true;
        }
        fetchIfDue();
        return fetched;
    }

    /**
     * Whether the keys held now are the producer's current ones: always for keys written into the setting; for
     * fetched ones only if a fetch is allowed again and succeeds now.
     */
    boolean fetchedAfresh() {
        return url == null || fetchIfDue();
    }

    /** Fetches unless the last attempt was less than {@code refresh} ago; true if it fetched now, successfully. */
    private synchronized boolean fetchIfDue() {
        Instant now = clock.instant();
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(refresh))) {
            return false;
        }
        lastAttempt = now;
        try {
            ResponseEntity<String> response = java.util.Objects.requireNonNull(http).get()
                    .uri(java.util.Objects.requireNonNull(url)).accept(MediaType.APPLICATION_JSON).retrieve()
                    .toEntity(String.class);
            if (response.getStatusCode().value() != 200 || response.getBody() == null) {
                throw new IllegalStateException("answered " + response.getStatusCode().value());
            }
            JsonNode body = json.readTree(response.getBody());
            String named = body.path("producer").asString("");
            if (!producer.equals(named)) {
                throw new IllegalStateException("serves the keys of '" + named + "', not of " + producer);
            }
            List<PublicKey> found = new ArrayList<>(fixed);
            for (JsonNode entry : body.path("keys")) {
                found.add(EventKeys.publicKey(entry.path("key").asString("")));
            }
            keys = index(found);
            fetched = true;
            log.info("Event keys of {} fetched from {}: {}", producer, url, keys.keySet());
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not fetch the event keys of {} from {} (retrying in {}): {}", producer, url, refresh,
                    e.toString());
            return false;
        }
    }

    private static Map<String, PublicKey> index(List<PublicKey> keys) {
        Map<String, PublicKey> byId = new LinkedHashMap<>();
        keys.forEach(key -> byId.put(EventKeys.keyId(key), key));
        return Map.copyOf(byId);
    }
}
