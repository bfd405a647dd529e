package org.boxoffice.platform.events;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Publishes the public keys this service signs its events with, for consumers whose
 * {@code boxoffice.events.signing.trusted-keys} point here (the Helm chart does): the signing key first, then any
 * still published for events signed before a rotation. Public keys only; open without a token, like the JWKS.
 */
@Tag(name = "Keys", description = "Public keys to verify what Boxoffice signs")
@RestController
class EventKeysController {

    static final String PATH = "/.well-known/event-keys";

    private final Map<String, Object> body;

    EventKeysController(String producer, EventSigner signer, List<PublicKey> alsoPublished) {
        List<Map<String, String>> keys = new ArrayList<>();
        keys.add(entry(signer.publicKey()));
        alsoPublished.forEach(key -> keys.add(entry(key)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("producer", producer);
        document.put("algorithm", EventKeys.ALGORITHM);
        document.put("keys", List.copyOf(keys));
        this.body = Map.copyOf(document);
    }

    @GetMapping(PATH)
    @Operation(operationId = "getEventKeys", summary = "The public keys this service signs its events with",
            description = "Consumers verify events with them (docs/events.md, \"Trust\").")
    @ApiResponse(responseCode = "200", description = "The producer, algorithm and keys")
    ResponseEntity<Map<String, Object>> keys() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
    }

    private static Map<String, String> entry(PublicKey key) {
        return Map.of("kid", EventKeys.keyId(key), "key", EventKeys.encode(key));
    }
}
