package org.boxoffice.user.key;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;

/**
 * One RS256 key pair of the ring.
 *
 * @param retireAfter when it stops being published (null while it is the newest, or when its file still exists)
 */
record SigningKey(RSAKey jwk, Instant createdAt, @Nullable Instant retireAfter) {

    String kid() {
        return jwk.getKeyID();
    }

    boolean publishedAt(Instant now) {
        return retireAfter == null || now.isBefore(retireAfter);
    }
}
