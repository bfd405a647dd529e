package org.boxoffice.user.key;

import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Signs a claims set with the key ring's current key, naming it in the {@code kid} header. The signer and header are
 * built once per key (the ring hands out a new key object on each reload, so the key is compared by value).
 */
@Component
public class AccessTokenSigner {

    private final KeyRing keys;
    private volatile @Nullable Prepared prepared;

    /** A key with its ready signer and header; RSASSASigner is thread-safe. */
    private record Prepared(RSAKey jwk, RSASSASigner signer, JWSHeader header) {
    }

    AccessTokenSigner(KeyRing keys) {
        this.keys = keys;
    }

    public String sign(Map<String, Object> claims) {
        try {
            Prepared with = prepared(keys.signingKey());
            SignedJWT jwt = new SignedJWT(with.header(), JWTClaimsSet.parse(claims));
            jwt.sign(with.signer());
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
    }

    private Prepared prepared(SigningKey key) throws JOSEException {
        Prepared current = prepared;
        if (current != null && (current.jwk() == key.jwk() || current.jwk().equals(key.jwk()))) {
            return current;
        }
        current = new Prepared(key.jwk(), new RSASSASigner(key.jwk()),
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(JOSEObjectType.JWT).build());
        prepared = current;
        return current;
    }
}
