package org.boxoffice.user.key;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.boxoffice.platform.testing.MutableClock;
import org.boxoffice.user.system.UserProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the token signing key in production, where the keys are files of the mounted Secret
 * {@code boxoffice-jwt-keys} (from a secrets manager through External Secrets, or by hand: docs/operations.md, "Rotating
 * the token signing key"): a newer key added to the Secret signs new tokens while the old one stays published, so
 * tokens signed before still verify against the JWKS during the overlap; once the old key is removed, only tokens of
 * the new one verify. Verification here is what every other service does: the JWKS, then the {@code kid}.
 */
class SigningKeyRotationTest {

    private static final String OLD = "signing-key.pem";
    private static final String NEW = "signing-key.v2026-12-03.pem";

    @TempDir
    Path keys;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T14:00:00Z"));

    @Test
    void tokensOfTheOldKeyVerifyDuringTheOverlapAndOnlyTheNewKeysAfterIt() throws Exception {
        Files.writeString(keys.resolve(OLD), Pem.encode(Pem.generate("signing-key")));
        KeyRing ring = new KeyRing(properties(), null, null, clock);
        AccessTokenSigner signer = new AccessTokenSigner(ring);
        String before = signer.sign(claims("before"));

        Files.writeString(keys.resolve(NEW), Pem.encode(Pem.generate("ignored")));
        clock.advance(Duration.ofSeconds(31)); // every replica reads the keys again within 30 s
        String during = signer.sign(claims("during"));
        JWKSet overlap = ring.publicKeys();

        assertThat(kid(before)).isEqualTo("signing-key");
        assertThat(kid(during)).isEqualTo("signing-key.v2026-12-03");
        assertThat(overlap.getKeys()).extracting(key -> key.getKeyID())
                .containsExactly("signing-key", "signing-key.v2026-12-03");
        assertThat(subject(before, overlap)).isEqualTo("before");
        assertThat(subject(during, overlap)).isEqualTo("during");

        Files.delete(keys.resolve(OLD)); // after the access-token lifetime (15 minutes)
        clock.advance(Duration.ofMinutes(16));
        JWKSet after = ring.publicKeys();

        assertThat(after.getKeys()).extracting(key -> key.getKeyID()).containsExactly("signing-key.v2026-12-03");
        assertThat(subject(during, after)).isEqualTo("during");
        assertThat(subject(signer.sign(claims("later")), after)).isEqualTo("later");
        assertThatThrownBy(() -> subject(before, after)).isInstanceOf(BadJOSEException.class);
    }

    private UserProperties properties() {
        return new Binder(new MapConfigurationPropertySource(Map.of("boxoffice.users.keys-dir", keys.toString())))
                .bind("boxoffice.users", UserProperties.class).get();
    }

    private static Map<String, Object> claims(String subject) {
        return Map.of("sub", subject, "iss", "http://user-service:8081");
    }

    private static String kid(String token) throws java.text.ParseException {
        return SignedJWT.parse(token).getHeader().getKeyID();
    }

    /** The signature check of a service that fetched this JWKS (claims such as expiry are not this test's subject). */
    private static String subject(String token, JWKSet jwks) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(null);
        return processor.process(token, null).getSubject();
    }
}
