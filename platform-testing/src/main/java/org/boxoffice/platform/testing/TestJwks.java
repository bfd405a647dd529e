package org.boxoffice.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * The test JVM's stand-in for user-service's signing keys: an RSA and an EC key pair, generated once, whose public
 * halves a small JDK HTTP server publishes as a JWKS. {@link InfrastructureInitializer} points every
 * {@link IntegrationTest} at it, so that {@link TestTokens} are valid tokens for the service under test.
 */
public final class TestJwks {

    static final String RSA_KID = "test-rs256";
    static final String EC_KID = "test-es256";
    private static final String PATH = "/.well-known/jwks.json";
    private static @Nullable TestJwks shared;

    final KeyPair rsa;
    final KeyPair ec;
    /** Not published: tokens it signs must fail signature verification. */
    final KeyPair unknownRsa;
    private final HttpServer server;
    private final List<String> fetches = new CopyOnWriteArrayList<>();

    private TestJwks() {
        rsa = generate("RSA", null);
        ec = generate("EC", "secp256r1");
        unknownRsa = generate("RSA", null);
        byte[] jwks = JsonMapper.builder().build().writeValueAsBytes(Map.of("keys", List.of(
                rsaJwk(RSA_KID, (RSAPublicKey) rsa.getPublic()), ecJwk(EC_KID, (ECPublicKey) ec.getPublic()))));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PATH, exchange -> {
            String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
            fetches.add(traceparent == null ? "" : traceparent);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "boxoffice-test-jwks"));
    }

    /** The JVM's keys and their JWKS server, started on first use. */
    public static synchronized TestJwks get() {
        if (shared == null) {
            shared = new TestJwks();
        }
        return shared;
    }

    /** The issuer {@link TestTokens} sign for; {@code boxoffice.security.issuer} in integration tests. */
    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * The {@code traceparent} header of every request for the JWKS so far, in order ({@code ""} for a request without
     * one): a service's fetch through its observed client carries the trace of the request that needed the keys.
     */
    public List<String> fetches() {
        return List.copyOf(fetches);
    }

    /** {@code boxoffice.security.jwks-uri} in integration tests. */
    public String jwksUri() {
        return issuer() + PATH;
    }

    private static KeyPair generate(String algorithm, @Nullable String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                generator.initialize(2048);
            } else {
                generator.initialize(new ECGenParameterSpec(curve));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> rsaJwk(String kid, RSAPublicKey key) {
        return jwk("RSA", kid, "RS256", Map.of("n", unsigned(key.getModulus(), 0),
                "e", unsigned(key.getPublicExponent(), 0)));
    }

    private static Map<String, String> ecJwk(String kid, ECPublicKey key) {
        return jwk("EC", kid, "ES256", Map.of("crv", "P-256",
                "x", unsigned(key.getW().getAffineX(), 32), "y", unsigned(key.getW().getAffineY(), 32)));
    }

    private static Map<String, String> jwk(String type, String kid, String algorithm, Map<String, String> material) {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", type);
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", algorithm);
        jwk.putAll(material);
        return jwk;
    }

    /** Base64url of the big-endian magnitude, left-padded to {@code length} bytes when given. */
    private static String unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (bytes.length < length) {
            byte[] padded = new byte[length];
            System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
            bytes = padded;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
