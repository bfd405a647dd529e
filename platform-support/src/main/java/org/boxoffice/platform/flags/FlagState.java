package org.boxoffice.platform.flags;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this replica knows of the flags: the file's definitions, with the newest runtime changes it has read laid over
 * them. Reading a setting is one volatile read and a map lookup; a newer document replaces the whole view at once, so
 * an evaluation never sees half of a change. When the store cannot be read the view stays as it was: the last-known
 * values.
 */
public final class FlagState {

    private static final Logger log = LoggerFactory.getLogger(FlagState.class);

    private record View(long version, Map<String, FlagSetting> effective) {
    }

    private final FlagDefinitions definitions;
    private volatile View view;

    public FlagState(FlagDefinitions definitions) {
        this.definitions = definitions;
        this.view = new View(0, defaults(definitions));
    }

    public FlagDefinitions definitions() {
        return definitions;
    }

    /** The version of the runtime changes this replica applied (0: the file's defaults only). */
    public long version() {
        return view.version();
    }

    /** The flag's current setting, or null when no such flag is defined. */
    public @Nullable FlagSetting setting(String flag) {
        return view.effective().get(flag);
    }

    /** The file's default value of the flag, false for an unknown flag. */
    public boolean fallback(String flag) {
        FlagDefinitions.Definition definition = definitions.flags().get(flag);
        return definition != null && definition.defaults().defaultValue();
    }

    /**
     * Takes a document of runtime changes if it is newer than the one applied.
     *
     * @return whether it was applied
     */
    public synchronized boolean apply(FlagDocument document) {
        if (document.version() <= view.version()) {
            return false;
        }
        Map<String, FlagSetting> effective = new HashMap<>(defaults(definitions));
        document.overrides().forEach((flag, setting) -> {
            if (definitions.exists(flag)) {
                effective.put(flag, setting);
            } else {
                log.warn("Ignoring the runtime setting of flag '{}': not in the flag definitions", flag);
            }
        });
        view = new View(document.version(), Map.copyOf(effective));
        log.info("Feature flags at version {} ({} changed at runtime)", document.version(), document.overrides().size());
        return true;
    }

    private static Map<String, FlagSetting> defaults(FlagDefinitions definitions) {
        Map<String, FlagSetting> settings = new HashMap<>();
        definitions.flags().forEach((flag, definition) -> settings.put(flag, definition.defaults()));
        return Map.copyOf(settings);
    }
}
