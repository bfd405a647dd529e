package org.boxoffice.platform.testing;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.boxoffice.platform.events.EventKeys;

/**
 * The test JVM's keys: one Ed25519 event signing key pair per producer name, generated on first use and shared by
 * every test context of the JVM, and one verification code key. {@link InfrastructureInitializer} gives the service under test its own private key
 * and trusts the public keys of {@link #PRODUCERS} (and of itself), so that events a test appends with
 * {@link TestEvents} verify as the named producer's.
 */
public final class TestEventKeys {

    /** The platform's producers, whose events a service's tests may append. */
    public static final List<String> PRODUCERS = List.of(
            // BEGIN generated from services.yaml: producers (edit services.yaml, run .ci/regenerate)
            "user-service", "booking-service", "payment-service", "notification-service", "analytics-service"
            // END generated from services.yaml: producers
    );

    /** The verification code key of every test context in the JVM ({@code boxoffice.verification.code-key}). */
    public static final String VERIFICATION_CODE_KEY = "test-verification-code-key-" + java.util.UUID.randomUUID();

    private static final Map<String, KeyPair> KEYS = new ConcurrentHashMap<>();

    private TestEventKeys() {
    }

    /** The key pair standing for {@code producer}'s in this JVM. */
    public static KeyPair of(String producer) {
        return KEYS.computeIfAbsent(producer, p -> EventKeys.generate());
    }

    /** {@code boxoffice.events.signing.trusted-keys} trusting the platform's producers and {@code self}. */
    static String trustedKeysSetting(String self) {
        return Stream.concat(PRODUCERS.stream(), Stream.of(self)).distinct()
                .map(producer -> producer + "=" + EventKeys.encode(of(producer).getPublic()))
                .collect(Collectors.joining(","));
    }
}
