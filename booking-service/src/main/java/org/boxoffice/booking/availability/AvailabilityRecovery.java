package org.boxoffice.booking.availability;

import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.platform.background.BackgroundTask;
import org.springframework.stereotype.Component;

/**
 * Every {@code boxoffice.booking.cache-recovery-interval}, rebuilds the availability of the events whose changes
 * could not be written to Redis while it was unreachable ({@link AvailabilityCache#recover()}).
 */
@Component
class AvailabilityRecovery extends BackgroundTask {

    private final AvailabilityCache cache;

    AvailabilityRecovery(AvailabilityCache cache, BookingProperties properties) {
        super("availability-recovery", properties.cacheRecoveryInterval(), true);
        this.cache = cache;
    }

    @Override
    protected boolean runOnce() {
        cache.recover();
        return false;
    }
}
