package org.boxoffice.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStateConflict;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.system.OrganizerAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organizer's side of an event's waiting list: turning it on or off with the time an offer stays open, and its
 * figures (line length, offers out, what offers became). Another organization's event is not found.
 */
@Service
public class WaitingListAdmin {

    private final EventService events;
    private final WaitingListSettings settings;
    private final WaitingListStatements statements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    WaitingListAdmin(EventService events, WaitingListSettings settings, WaitingListStatements statements,
            TransactionTemplate transactions, Clock clock) {
        this.events = events;
        this.settings = settings;
        this.statements = statements;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The setting and figures, per section with a line and in total. */
    public record Overview(UUID eventId, boolean enabled, int claimMinutes, Figures total, List<Figures> sections) {
    }

    /** Figures of a section (or of the event: {@code sectionId} null). */
    public record Figures(@org.jspecify.annotations.Nullable UUID sectionId, long waiting, long offersOut,
            long offersMade, long claimed, long purchased, long expired, long declined) {

        /** Offers that became a paid order, in percent of the offers made (0 before any). */
        public int conversionPercent() {
            return offersMade == 0 ? 0 : (int) (purchased * 100 / offersMade);
        }
    }

    public Overview overview(OrganizerAccess access, UUID eventId) {
        events.get(access, eventId);
        return overview(eventId);
    }

    /**
     * Turns the list on or off and sets how long an offer stays open (for offers made from now on). Turning it off
     * ends every waiting place; offers already made stay open until claimed or expired, and are not passed on.
     * Refused on a cancelled or completed event.
     */
    public Overview configure(OrganizerAccess access, UUID eventId, boolean enabled, int claimMinutes) {
        Event event = events.get(access, eventId);
        if (event.status() == EventStatus.CANCELLED || event.status() == EventStatus.COMPLETED) {
            throw new EventStateConflict(eventId, event.status(),
                    "A " + event.status() + " event's waiting list cannot be changed.");
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            settings.save(eventId, new WaitingListSettings.Setting(enabled, claimMinutes), now);
            if (!enabled) {
                statements.closeWaiting(eventId, now);
            }
        });
        return overview(eventId);
    }

    private Overview overview(UUID eventId) {
        WaitingListSettings.Setting setting = settings.setting(eventId);
        List<Figures> sections = settings.figures(eventId).stream()
                .map(f -> new Figures(f.sectionId(), f.waiting(), f.offersOut(), f.offersMade(), f.claimed(),
                        f.purchased(), f.expired(), f.declined()))
                .toList();
        Figures total = new Figures(null, sum(sections, Figures::waiting), sum(sections, Figures::offersOut),
                sum(sections, Figures::offersMade), sum(sections, Figures::claimed), sum(sections, Figures::purchased),
                sum(sections, Figures::expired), sum(sections, Figures::declined));
        return new Overview(eventId, setting.enabled(), setting.claimMinutes(), total, sections);
    }

    private static long sum(List<Figures> sections, java.util.function.ToLongFunction<Figures> figure) {
        return sections.stream().mapToLong(figure).sum();
    }
}
