package org.boxoffice.user.key;

import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

/** Signs a claims set with the key ring's current key, naming it in the {@code kid} header. */
@Component
public class AccessTokenSigner {

    private final KeyRing keys;

    AccessTokenSigner(KeyRing keys) {
        this.keys = keys;
    }

    public String sign(Map<String, Object> claims) {
        SigningKey key = keys.signingKey();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid())
                    .type(JOSEObjectType.JWT).build(), JWTClaimsSet.parse(claims));
            jwt.sign(new RSASSASigner(key.jwk()));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException("cannot sign access token", e);
        }
    }
}
