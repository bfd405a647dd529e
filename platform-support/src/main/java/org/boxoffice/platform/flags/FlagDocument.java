package org.boxoffice.platform.flags;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime changes to the flags, as the owner of the changes (user-service, docs/feature-flags.md) publishes them
 * for every replica: the settings that differ from the file's, and a version that only grows.
 *
 * @param version   grows with every change (the number of the last audited change); a replica applies a document
 *                  only when it is newer than the one it has
 * @param overrides flag name to its runtime setting; a flag not named here has the file's setting
 */
public record FlagDocument(long version, Map<String, FlagSetting> overrides) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static final FlagDocument NONE = new FlagDocument(0, Map.of());

    public FlagDocument {
        overrides = Map.copyOf(overrides);
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** Reads {@link #toJson()}; {@link IllegalArgumentException} when the text is no such document. */
    public static FlagDocument fromJson(String json) {
        try {
            FlagDocument document = JSON.readValue(json, FlagDocument.class);
            return new FlagDocument(document.version(), new LinkedHashMap<>(document.overrides()));
        } catch (JacksonException | NullPointerException e) {
            throw new IllegalArgumentException("not a flag document: " + e.getMessage(), e);
        }
    }

    static JsonMapper mapper() {
        return JSON;
    }
}
