package org.boxoffice.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.NewEvent;
import org.boxoffice.booking.event.TierSpec;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.venue.RowRange;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.VenueService;

/** Builds published on-sale events through the domain services, as an organizer would. */
public final class BookingFixture {

    public static final OrganizerAccess ANY_ORGANIZATION = organization -> true;

    private final VenueService venues;
    private final EventService events;

    public BookingFixture(VenueService venues, EventService events) {
        this.venues = venues;
        this.events = events;
    }

    /** A published event on sale now: one seated section (rows × seats) and one GA area. */
    public OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, NewEvent.DEFAULT_REFUND_CUTOFF);
    }

    /** The same, starting in two days, with a refund policy of {@code refundCutoff} before the start. */
    public OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer,
            Duration refundCutoff) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, refundCutoff, 4_500, 2_500);
    }

    /** A free event: every ticket costs nothing. */
    public OnSale free(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, NewEvent.DEFAULT_REFUND_CUTOFF, 0, 0);
    }

    /** A published event on sale now whose floor is a hidden tier: only an access code covering it opens it. */
    public OnSale withHiddenFloor(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, NewEvent.DEFAULT_REFUND_CUTOFF, 4_500,
                2_500, Duration.ofHours(-1), true);
    }

    /** A published event whose sale opens in an hour: before then, only the pre-sale (an access code) sells. */
    public OnSale beforeSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, NewEvent.DEFAULT_REFUND_CUTOFF, 4_500,
                2_500, Duration.ofHours(1), false);
    }

    /**
     * A published event on sale now (stalls 45.00, floor 25.00), on which {@code beforePublishing} acted while it was
     * a draft (the organizer's taxes and fees, say).
     */
    public OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer,
            Consumer<Event> beforePublishing) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, NewEvent.DEFAULT_REFUND_CUTOFF, 4_500,
                2_500, Duration.ofHours(-1), false, beforePublishing);
    }

    private OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer,
            Duration refundCutoff, long seatPriceMinor, long areaPriceMinor) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, refundCutoff, seatPriceMinor,
                areaPriceMinor, Duration.ofHours(-1), false);
    }

    private OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer,
            Duration refundCutoff, long seatPriceMinor, long areaPriceMinor, Duration saleOpensIn,
            boolean hiddenFloor) {
        return onSale(rows, seatsPerRow, areaCapacity, maxPerOrder, maxPerBuyer, refundCutoff, seatPriceMinor,
                areaPriceMinor, saleOpensIn, hiddenFloor, draft -> {
                });
    }

    private OnSale onSale(int rows, int seatsPerRow, int areaCapacity, int maxPerOrder, int maxPerBuyer,
            Duration refundCutoff, long seatPriceMinor, long areaPriceMinor, Duration saleOpensIn,
            boolean hiddenFloor, Consumer<Event> beforePublishing) {
        UUID organization = UUID.randomUUID();
        var venue = venues.create(ANY_ORGANIZATION, organization, "Fixture Hall", "Lisbon", "Rua 1",
                ZoneId.of("Europe/Lisbon"));
        var stalls = venues.addSeatedSection(ANY_ORGANIZATION, venue.id(), "A", "Stalls", new RowRange("1",
                Integer.toString(rows)), 1, seatsPerRow, Set.of(), Set.of());
        Section floor = venues.addGeneralAdmissionArea(ANY_ORGANIZATION, venue.id(), "FLOOR", "Floor", areaCapacity);
        Instant now = Instant.now();
        Event event = events.create(ANY_ORGANIZATION, new NewEvent(venue.id(), "Fixture night", "", now.plus(
                Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(3)), ZoneId.of("Europe/Lisbon"),
                now.plus(saleOpensIn), now.plus(Duration.ofDays(1)), Currency.getInstance("EUR"),
                maxPerOrder, maxPerBuyer, Duration.ofMinutes(10), refundCutoff));
        events.setTiers(ANY_ORGANIZATION, event.id(), List.of(new TierSpec(stalls.section().id(), "Stalls",
                seatPriceMinor), new TierSpec(floor.id(), "Floor", areaPriceMinor, hiddenFloor)));
        beforePublishing.accept(event);
        Event published = events.publish(ANY_ORGANIZATION, event.id());
        return new OnSale(organization, published, stalls.section(), new ArrayList<>(stalls.seats()), floor);
    }

    public record OnSale(UUID organizationId, Event event, Section stalls, List<Seat> seats, Section floor) {

        public List<UUID> seatIds(int from, int count) {
            return seats.subList(from, from + count).stream().map(Seat::id).toList();
        }
    }
}
