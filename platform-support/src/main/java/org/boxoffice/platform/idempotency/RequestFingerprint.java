package org.boxoffice.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What makes two requests with one Idempotency-Key "the same request": SHA-256 of method, path and the JSON body
 * without its secret members ({@code boxoffice.idempotency.unfingerprinted-fields}), so no password, refresh token
 * or card datum is hashed into a stored record.
 */
final class RequestFingerprint {

    private final JsonMapper json;
    private final Set<String> unfingerprinted;

    RequestFingerprint(JsonMapper json, List<String> unfingerprintedFields) {
        this.json = json;
        this.unfingerprinted = Set.copyOf(unfingerprintedFields);
    }

    /**
     * The fingerprint; null for a body that is not JSON (every Boxoffice API takes JSON: such a body can only be
     * refused, and hashing it whole could hash a secret).
     */
    @Nullable String of(String method, String path, byte[] body) {
        byte[] content = body;
        if (body.length > 0) {
            try {
                JsonNode tree = json.readTree(body);
                removeSecrets(tree);
                content = json.writeValueAsBytes(tree);
            } catch (JacksonException e) {
                return null;
            }
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private void removeSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(unfingerprinted);
        }
        for (JsonNode child : node) {
            removeSecrets(child);
        }
    }
}
