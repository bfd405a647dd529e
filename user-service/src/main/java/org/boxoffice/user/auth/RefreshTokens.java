package org.boxoffice.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens: 256 random bits given to the client once, stored only as their SHA-256. A token belongs to a
 * family (one login); refreshing replaces it with the family's next token.
 */
@SqlByDesign("Rotation with reuse detection rests on one conditional UPDATE ... RETURNING that only the first refresh of a token wins")
@Repository
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token just spent by a refresh. */
    record Taken(UUID familyId, UUID accountId) {
    }

    /** A stored token as found by its hash: what a refused refresh needs to tell why. */
    record Stored(UUID familyId, @Nullable Instant replacedAt, @Nullable Instant revokedAt) {
    }

    /** Issues a new token in the family and returns its secret value, which is not stored. */
    String issue(UUID familyId, UUID accountId, Instant expiresAt) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO refresh_tokens (id, family_id, account_id, token_hash, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), familyId, accountId, hash(value), Timestamp.from(expiresAt)).update();
        return value;
    }

    /**
     * Spends a token: marks it replaced if it is current (neither replaced nor revoked nor expired) and answers its
     * family and account; empty when it is not, and then {@link #find} tells why. Of requests presenting the same token
     * together, exactly one gets it: the row lock makes the others wait and then find it replaced.
     */
    Optional<Taken> take(String value, Instant now) {
        return jdbc.sql("""
                UPDATE refresh_tokens SET replaced_at = now()
                 WHERE token_hash = ? AND replaced_at IS NULL AND revoked_at IS NULL AND expires_at > ?
                RETURNING family_id, account_id
                """).params(hash(value), Timestamp.from(now)).query((row, index) -> new Taken(
                row.getObject("family_id", UUID.class), row.getObject("account_id", UUID.class))).optional();
    }

    Optional<Stored> find(String value) {
        return jdbc.sql("SELECT family_id, replaced_at, revoked_at FROM refresh_tokens WHERE token_hash = ?")
                .param(hash(value)).query((row, index) -> new Stored(row.getObject("family_id", UUID.class),
                        instant(row.getTimestamp("replaced_at")), instant(row.getTimestamp("revoked_at"))))
                .optional();
    }

    void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = ? AND revoked_at IS NULL")
                .param(familyId).update();
    }

    void revokeAccount(UUID accountId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = now() WHERE account_id = ? AND revoked_at IS NULL")
                .param(accountId).update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
