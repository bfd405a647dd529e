package org.boxoffice.platform.flags;

import java.time.Duration;
import java.util.OptionalLong;

import org.boxoffice.platform.background.BackgroundTask;

/**
 * Brings this replica's flags up to date: every {@code boxoffice.flags.refresh-interval} (1 s) it reads the published
 * version and, when it grew, the document. A change therefore reaches every replica of every service within about a
 * second. When Redis does not answer, the round fails (logged, retried with back-off) and the flags keep their
 * last-known values; when Redis answers but has nothing (restarted empty), they are kept too, until the owner
 * publishes again.
 */
public final class FlagRefresher extends BackgroundTask {

    private final FlagStore store;
    private final FlagState state;

    public FlagRefresher(FlagStore store, FlagState state, Duration interval, boolean autoStartup) {
        super("feature-flag-refresher", interval, autoStartup);
        this.store = store;
        this.state = state;
    }

    @Override
    public boolean runOnce() {
        OptionalLong published = store.version();
        if (published.isPresent() && published.getAsLong() > state.version()) {
            store.read().ifPresent(state::apply);
        }
        return false;
    }
}
