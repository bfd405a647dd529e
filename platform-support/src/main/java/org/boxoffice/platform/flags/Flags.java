package org.boxoffice.platform.flags;

import dev.openfeature.sdk.Client;

/**
 * The flags as a service asks for them: {@code flags.isOn("holds.paused", context)}. Every call goes through the
 * OpenFeature client (so hooks count it and any provider can answer); with the built-in provider it is an in-memory
 * read. When the provider fails or does not know the flag, the answer is the flag's default from the definitions
 * file (false for a flag the file does not define).
 */
public final class Flags {

    private final Client client;
    private final FlagState state;

    public Flags(Client client, FlagState state) {
        this.client = client;
        this.state = state;
    }

    public boolean isOn(String flag, FlagContext context) {
        return client.getBooleanValue(flag, state.fallback(flag), context.toEvaluationContext());
    }

    /** The flag's platform-wide value (no caller, no event). */
    public boolean isOn(String flag) {
        return isOn(flag, FlagContext.platform());
    }
}
