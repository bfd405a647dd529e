package org.boxoffice.user.key;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The public signing keys every service validates tokens with (RFC 7517 JWK Set). */
@Tag(name = "Keys", description = "Public keys to verify what Boxoffice signs")
@RestController
class JwksController {

    private final KeyRing keys;

    JwksController(KeyRing keys) {
        this.keys = keys;
    }

    @GetMapping(path = "/.well-known/jwks.json", produces = "application/jwk-set+json")
    @Operation(operationId = "getJwks", summary = "The public keys access tokens are signed with (RFC 7517 JWK Set)")
    @ApiResponse(responseCode = "200", description = "The JWK Set")
    ResponseEntity<Map<String, Object>> jwks() {
        // Short, so that a newly added key is seen well before it can sign (validators also refetch on unknown kid).
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(keys.publicKeys().toJSONObject(true));
    }
}
