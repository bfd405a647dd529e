package org.boxoffice.user.key;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.TokenClaims;
import org.boxoffice.user.system.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign access tokens. The newest key signs; every key is published in the JWKS (and accepted by this
 * service) until it is retired, so that rotating never invalidates a token that is still within its lifetime.
 *
 * <p>Production: PEM files in {@code BOXOFFICE_JWT_KEYS_DIR}, {@code <kid>.pem}; the last by name signs. Rotate by
 * adding a newer file and removing the old one once its tokens have expired (15 minutes later).
 * Local run: keys are generated and kept in the database, replaced after {@code key-rotation-period}; a replaced
 * key stays published for the access-token lifetime plus clock skew. Every replica reads the same keys.
 */
@SqlByDesign("The key ring rotates under an advisory lock and retires every older key in one statement")
@Component
public class KeyRing implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
    /** How long a replica trusts its copy of the ring before reading the keys again. */
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(30);
    private static final Duration RETIREMENT_GRACE = TokenClaims.ACCESS_TOKEN_LIFETIME.plusMinutes(2);
    private static final DateTimeFormatter KID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final UserProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile List<SigningKey> keys = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    KeyRing(UserProperties properties, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.clock = clock;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The key that signs new tokens. */
    SigningKey signingKey() {
        List<SigningKey> current = current();
        return current.getLast();
    }

    /** The public keys tokens may be signed with: the JWKS. */
    public JWKSet publicKeys() {
        Instant now = clock.instant();
        return new JWKSet(current().stream().filter(key -> key.publishedAt(now))
                .map(key -> (JWK) key.jwk().toPublicJWK()).toList());
    }

    /** Lets this service validate its own tokens without calling its own JWKS endpoint. */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(publicKeys());
    }

    /**
     * Starts signing with a new key; the previous ones stay published until their tokens have expired. Database keys
     * only: with a key directory, rotation is adding a file.
     */
    public void rotate() {
        if (properties.keysDir() != null) {
            throw new IllegalStateException("keys come from " + properties.keysDir() + ": rotate by adding a newer PEM file");
        }
        transactions.executeWithoutResult(status -> {
            lock();
            insertNewKey();
        });
        reload();
    }

    private List<SigningKey> current() {
        if (keys.isEmpty() || clock.instant().isAfter(loadedAt.plus(RELOAD_AFTER))) {
            reload();
        }
        return keys;
    }

    private synchronized void reload() {
        List<SigningKey> loaded = properties.keysDir() == null ? fromDatabase() : fromDirectory(properties.keysDir());
        if (loaded.isEmpty()) {
            throw new IllegalStateException("no token signing key in " + properties.keysDir());
        }
        keys = loaded;
        loadedAt = clock.instant();
    }

    private List<SigningKey> fromDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".pem")).sorted()
                    .map(file -> new SigningKey(Pem.decode(kidOf(file), read(file)), modified(file), null))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token signing keys from " + directory, e);
        }
    }

    /** Generates the first key, or a successor for one older than the rotation period; one replica does it. */
    private List<SigningKey> fromDatabase() {
        return transactions.execute(status -> {
            List<SigningKey> stored = stored();
            Instant now = clock.instant();
            if (stored.isEmpty() || stored.getLast().createdAt().plus(properties.keyRotationPeriod()).isBefore(now)) {
                lock();
                stored = stored();
                if (stored.isEmpty() || stored.getLast().createdAt().plus(properties.keyRotationPeriod()).isBefore(now)) {
                    insertNewKey();
                    stored = stored();
                }
            }
            return stored;
        });
    }

    private List<SigningKey> stored() {
        return jdbc.sql("SELECT kid, private_key, created_at, retire_after FROM signing_keys"
                        + " WHERE retire_after IS NULL OR retire_after > now() ORDER BY created_at, kid")
                .query((row, index) -> new SigningKey(Pem.decode(row.getString("kid"), row.getString("private_key")),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("retire_after") == null ? null : row.getTimestamp("retire_after").toInstant()))
                .list();
    }

    private void insertNewKey() {
        Instant now = clock.instant();
        String kid = KID.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("UPDATE signing_keys SET retire_after = ? WHERE retire_after IS NULL")
                .param(java.sql.Timestamp.from(now.plus(RETIREMENT_GRACE))).update();
        jdbc.sql("INSERT INTO signing_keys (kid, algorithm, private_key, created_at) VALUES (?, 'RS256', ?, ?)")
                .params(kid, Pem.encode(Pem.generate(kid)), java.sql.Timestamp.from(now)).update();
        log.info("Token signing key {} generated; older keys stay published until {}", kid, now.plus(RETIREMENT_GRACE));
    }

    /** Serialises key generation across replicas for the rest of the transaction. */
    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('users.signing_keys'))").query((row, index) -> 1).list();
    }

    private static String kidOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".pem".length());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token signing key " + file, e);
        }
    }

    private static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
