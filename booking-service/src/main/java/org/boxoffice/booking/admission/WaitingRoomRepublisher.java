package org.boxoffice.booking.admission;

import java.time.Clock;
import java.time.Duration;

import org.boxoffice.platform.background.BackgroundTask;
import org.springframework.stereotype.Component;

/**
 * Writes every current waiting room setting to Redis again, every 30 seconds: a setting that could not be published
 * after its commit (Redis down) or that Redis lost (restarted empty) reaches the gateway within that time, and the room
 * of an event cancelled or completed meanwhile closes. Idempotent, so every replica may run it.
 */
@Component
class WaitingRoomRepublisher extends BackgroundTask {

    private final WaitingRooms rooms;
    private final WaitingRoomPublisher publisher;
    private final Clock clock;

    WaitingRoomRepublisher(WaitingRooms rooms, WaitingRoomPublisher publisher, Clock clock) {
        super("waiting-room-republisher", Duration.ofSeconds(30), true);
        this.rooms = rooms;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    protected boolean runOnce() {
        for (WaitingRooms.OfEvent current : rooms.current(clock.instant().minus(Duration.ofDays(1)))) {
            if (!publisher.publish(current)) {
                break;
            }
        }
        return false;
    }
}
