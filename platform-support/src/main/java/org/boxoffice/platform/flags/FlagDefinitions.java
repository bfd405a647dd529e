package org.boxoffice.platform.flags;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The flags that exist, with their descriptions and default settings, read from the definitions file
 * ({@code boxoffice.flags.definitions}, by default {@code classpath:boxoffice-flags.json}):
 *
 * <pre>{"flags": {"holds.paused": {"description": "...", "defaultValue": false, "rules": []}}}</pre>
 *
 * A flag that is not in the file does not exist: it cannot be changed at runtime, and evaluating it answers the
 * caller's default with the {@code FLAG_NOT_FOUND} error.
 */
public record FlagDefinitions(Map<String, Definition> flags) {

    /** One flag of the file. */
    public record Definition(String description, FlagSetting defaults) {
    }

    public FlagDefinitions {
        flags = Map.copyOf(flags);
    }

    public static FlagDefinitions load(Resource file) {
        try (InputStream in = file.getInputStream()) {
            JsonNode root = FlagDocument.mapper().readTree(in).path("flags");
            if (!root.isObject()) {
                throw new IllegalStateException("flag definitions " + file + " have no \"flags\" object");
            }
            Map<String, Definition> flags = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                ObjectNode node = ((ObjectNode) entry.getValue()).deepCopy();
                String description = node.path("description").asString("");
                node.remove("description");
                flags.put(entry.getKey(), new Definition(description,
                        FlagDocument.mapper().treeToValue(node, FlagSetting.class)));
            }
            return new FlagDefinitions(flags);
        } catch (IOException | JacksonException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the flag definitions " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String flag) {
        return flags.containsKey(flag);
    }
}
