package org.boxoffice.user.key;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public signing keys every service validates tokens with (RFC 7517 JWK Set). */
@RestController
class JwksController {

    private final KeyRing keys;

    JwksController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    ResponseEntity<Map<String, Object>> jwks() {
        // Short, so that a newly added key is seen well before it can sign (validators also refetch on unknown kid).
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
