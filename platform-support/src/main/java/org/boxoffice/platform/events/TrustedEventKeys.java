package org.boxoffice.platform.events;

import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The public keys this service accepts events from, per producer ({@code boxoffice.events.signing.trusted-keys}).
 * A producer's keys are either written into the setting (base64 X.509 keys: the local run, tests) or fetched from the
 * producer's own {@code /.well-known/event-keys} over the cluster network (Kubernetes), like the token JWKS: fetched
 * when first needed, and again — at most once per {@code key-refresh} — when an event names a key not yet known, so
 * that a producer can rotate its key without touching its consumers. Fetches go through the service's observed
 * {@link RestClient} (Boot's builder: a client span and {@code http.client.requests} metrics, like every other call
 * between services), with {@code key-fetch-timeout} for connecting and reading.
 *
 * <p>The verdict on an event is one of three: {@code VALID}; {@code INVALID} — unsigned, signed by a key this producer
 * does not have, or not matching its signature: never acted on; {@code UNAVAILABLE} — the producer's keys could not be
 * fetched yet, so nothing can be said and the event waits.
 */
public final class TrustedEventKeys {

    private static final Logger log = LoggerFactory.getLogger(TrustedEventKeys.class);

    /** What a verification concluded. */
    public enum Verdict { VALID, INVALID, UNAVAILABLE }

    /** A verdict and, unless valid, why. */
    public record Verification(Verdict verdict, String reason) {

        static final Verification VALID = new Verification(Verdict.VALID, "");

        static Verification invalid(String reason) {
            return new Verification(Verdict.INVALID, reason);
        }
    }

    private final Map<String, ProducerKeys> sources;
    /** Trusted keys decoded for verification, once each (a handful: the producers' current and rotated keys). */
    private final Map<PublicKey, Optional<Ed25519.PublicPoint>> verifyingKeys = new ConcurrentHashMap<>();

    TrustedEventKeys(String setting, Duration refresh, Duration timeout, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests, JsonMapper json, Clock clock) {
        Map<String, List<PublicKey>> inline = new LinkedHashMap<>();
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String entry : setting.split("[,\\s]+")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("boxoffice.events.signing.trusted-keys entries are "
                        + "<producer>=<base64 public key> or <producer>=<url of its /.well-known/event-keys>, got '"
                        + entry + "'");
            }
            String producer = entry.substring(0, equals);
            String value = entry.substring(equals + 1);
            if (value.startsWith("http://") || value.startsWith("https://")) {
                if (urls.put(producer, URI.create(value)) != null) {
                    throw new IllegalArgumentException("two key URLs for producer " + producer);
                }
            } else {
                inline.computeIfAbsent(producer, p -> new ArrayList<>()).add(EventKeys.publicKey(value));
            }
        }
        RestClient client = urls.isEmpty() ? null : http.requestFactory(requests.build(HttpClientSettings.defaults()
                .withTimeouts(timeout, timeout))).build();
        Map<String, ProducerKeys> all = new LinkedHashMap<>();
        inline.forEach((producer, keys) -> all.put(producer, new ProducerKeys(producer, keys, null, client,
                refresh, json, clock)));
        urls.forEach((producer, url) -> all.merge(producer,
                new ProducerKeys(producer, List.of(), url, client, refresh, json, clock),
                (fixed, fetched) -> new ProducerKeys(producer, fixed.fixed, url, client, refresh, json, clock)));
        this.sources = Map.copyOf(all);
    }

    /** Producers with a key source. */
    public Set<String> producers() {
        return sources.keySet();
    }

    /**
     * Whether events of the producer can be judged now: its keys are known or were just fetched. A consumer does not
     * read a stream whose producer's keys are unavailable, so its events wait in Redis instead of failing.
     */
    public boolean ready(String producer) {
        ProducerKeys source = sources.get(producer);
        return source != null && source.ready();
    }

    /** Checks that {@code event} was signed by one of {@code producer}'s keys. */
    public Verification verify(String producer, EventEnvelope event, @Nullable String keyId,
            @Nullable String signature) {
        return verify(producer, event, keyId, signature, null);
    }

    /**
     * As {@link #verify(String, EventEnvelope, String, String)}, and the trace fields besides {@code traceparent}
     * against {@code traceSignature} ({@link EventKeys#traceSignedBytes}): an event carrying such fields without a
     * matching trace signature is invalid.
     */
    public Verification verify(String producer, EventEnvelope event, @Nullable String keyId,
            @Nullable String signature, @Nullable String traceSignature) {
        ProducerKeys source = sources.get(producer);
        if (source == null) {
            return Verification.invalid("no key is trusted for producer " + producer);
        }
        if (keyId == null || signature == null) {
            return Verification.invalid("unsigned event");
        }
        PublicKey key = source.key(keyId);
        if (key == null) {
            // A key fetched this very moment that still lacks it means forged; a key list that could not be fetched
            // now (failed, or fetched too recently to ask again) may simply predate a rotation: the event waits.
            if (!source.fetchedAfresh()) {
                return new Verification(Verdict.UNAVAILABLE, "key " + keyId + " is not among the keys of " + producer
                        + " fetched so far; they are fetched again at most every " + source.refresh);
            }
            key = source.key(keyId);
            if (key == null) {
                return Verification.invalid("signed by key " + keyId + ", which is not one of " + producer + "'s");
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return Verification.invalid("signature is not base64");
        }
        Ed25519.PublicPoint point = verifyingKeys.computeIfAbsent(key, TrustedEventKeys::decode).orElse(null);
        if (point == null) {
            return Verification.invalid("key " + keyId + " of " + producer + " is not a valid Ed25519 key");
        }
        if (!Ed25519Signatures.verify(point, bytes, EventKeys.signedBytes(event))) {
            return Verification.invalid("signature does not match");
        }
        if (event.traceBesidesParent().isEmpty()) {
            return Verification.VALID;
        }
        if (traceSignature == null) {
            return Verification.invalid("trace fields " + event.traceBesidesParent().keySet() + " are not signed");
        }
        try {
            bytes = Base64.getDecoder().decode(traceSignature);
        } catch (IllegalArgumentException e) {
            return Verification.invalid("trace signature is not base64");
        }
        return Ed25519Signatures.verify(point, bytes, EventKeys.traceSignedBytes(event)) ? Verification.VALID
                : Verification.invalid("trace signature does not match");
    }

    private static Optional<Ed25519.PublicPoint> decode(PublicKey key) {
        return Optional.ofNullable(Ed25519Signatures.verifyingKey(key));
    }
}
