package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.platform.flags.FeatureDisabled;
import org.boxoffice.platform.flags.FlagContext;
import org.boxoffice.platform.flags.Flags;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The flags in front of new holds (docs/feature-flags.md): the kill switch {@value #PAUSED}, which refuses every new
 * hold it covers (everyone, an organization, an event or a share of buyers), and {@value #BEST_AVAILABLE}. Both are
 * in-memory reads of this replica's flags: the hold path pays no I/O for them.
 */
@Component
class HoldGate {

    static final String PAUSED = "holds.paused";
    static final String BEST_AVAILABLE = "holds.best-available";

    private final Flags flags;

    HoldGate(Flags flags) {
        this.flags = flags;
    }

    /** Refuses the hold while the kill switch covers it; nothing has been read or written yet. */
    void requireOpen(UUID buyerId, Event event) {
        if (flags.isOn(PAUSED, context(buyerId, event))) {
            throw new HoldsPaused(event.id());
        }
    }

    void requireBestAvailable(UUID buyerId, Event event) {
        if (!flags.isOn(BEST_AVAILABLE, context(buyerId, event))) {
            throw new FeatureDisabled(BEST_AVAILABLE, "Best-available holds are switched off right now: choose "
                    + "seats on the seat map (seatIds) instead.");
        }
    }

    private static FlagContext context(UUID buyerId, Event event) {
        FlagContext context = FlagContext.account(buyerId).event(event.organizationId(), event.id());
        return CurrentUser.find().map(user -> context.roles(user.roles())).orElse(context);
    }
}
