package org.boxoffice.booking.admission;

import java.time.Clock;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStateConflict;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.system.OrganizerAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Organizers' waiting room settings; each saved setting is published to the gateway after it commits. */
@Service
public class WaitingRoomService {

    /** A setting and the event it belongs to. */
    public record Configured(WaitingRoom room, Event event) {
    }

    private final WaitingRooms rooms;
    private final EventService events;
    private final WaitingRoomPublisher publisher;
    private final AdmissionCheck admission;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WaitingRoomService(WaitingRooms rooms, EventService events, WaitingRoomPublisher publisher,
            AdmissionCheck admission,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.rooms = rooms;
        this.events = events;
        this.publisher = publisher;
        this.admission = admission;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The event's setting (a disabled one when it never had any), if the caller manages the event. */
    public Configured get(OrganizerAccess access, UUID eventId) {
        Event event = events.get(access, eventId);
        return new Configured(rooms.find(eventId).orElseGet(() -> WaitingRoom.none(eventId, event.createdAt())), event);
    }

    /**
     * Changes the event's setting: {@code change} receives the current one (or the defaults) and returns the new
     * one. Not for an event that is over (completed or cancelled).
     */
    public Configured configure(OrganizerAccess access, UUID eventId, UnaryOperator<WaitingRoom> change) {
        Configured saved = transactions.execute(status -> {
            Configured current = get(access, eventId);
            Event event = current.event();
            if (event.status() == EventStatus.CANCELLED || event.status() == EventStatus.COMPLETED) {
                throw new EventStateConflict(eventId, event.status(), "The sale of a " + event.status()
                        + " event is over: its waiting room can no longer change.");
            }
            WaitingRoom changed = change.apply(current.room());
            WaitingRoom room = new WaitingRoom(eventId, changed.enabled(), changed.mode(), changed.ratePerMinute(),
                    changed.minRatePerMinute(), changed.maxRatePerMinute(), changed.opensBefore(),
                    changed.passLifetime(), clock.instant());
            rooms.save(room);
            return new Configured(room, event);
        });
        admission.forget(eventId);
        publisher.publish(new WaitingRooms.OfEvent(saved.room(), saved.event().organizationId(),
                saved.event().schedule().onSaleAt(), saved.event().schedule().offSaleAt(), false));
        return saved;
    }
}
