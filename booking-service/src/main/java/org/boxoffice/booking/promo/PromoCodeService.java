package org.boxoffice.booking.promo;

import java.time.Clock;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organizer's side of codes: an event's codes exist only for its organization (another's event is a 404). */
@Service
public class PromoCodeService {

    private static final Sort BY_CREATION = Sort.by("createdAt", "id");

    private final PromoCodes codes;
    private final EventService events;
    private final Clock clock;

    PromoCodeService(PromoCodes codes, EventService events, Clock clock) {
        this.codes = codes;
        this.events = events;
        this.clock = clock;
    }

    /** A new code of the caller's event; {@link DuplicateCode} if the event has one with the same text. */
    @Transactional
    public PromoCode create(OrganizerAccess access, UUID eventId, CodeSpec spec) {
        Event event = events.get(access, eventId);
        PromoCode code = new PromoCode(event.id(), spec, clock.instant());
        if (codes.existsByEventIdAndCode(event.id(), code.code())) {
            throw new DuplicateCode(code.code());
        }
        try {
            return codes.saveAndFlush(code);
        } catch (DataIntegrityViolationException raced) {
            // Two organizers created the same code at once: the unique constraint let one of them in.
            throw new DuplicateCode(code.code());
        }
    }

    @Transactional(readOnly = true)
    public PageResponse<PromoCode> list(OrganizerAccess access, UUID eventId, PageQuery page) {
        Event event = events.get(access, eventId);
        return PageResponse.of(codes.findByEventId(event.id(), page.sorted(BY_CREATION)), page);
    }

    @Transactional(readOnly = true)
    public PromoCode get(OrganizerAccess access, UUID eventId, UUID codeId) {
        Event event = events.get(access, eventId);
        return codes.findById(codeId).filter(code -> code.eventId().equals(event.id()))
                .orElseThrow(() -> new CodeNotFound(codeId));
    }

    /** Replaces the code's definition (its text and kind stay); taken on the code's locked row. */
    @Transactional
    public PromoCode update(OrganizerAccess access, UUID eventId, UUID codeId, CodeSpec spec) {
        PromoCode code = locked(access, eventId, codeId);
        code.redefine(spec, clock.instant());
        return codes.saveAndFlush(code);
    }

    /** Buyers can no longer use the code; uses already taken stay. */
    @Transactional
    public PromoCode disable(OrganizerAccess access, UUID eventId, UUID codeId) {
        PromoCode code = locked(access, eventId, codeId);
        code.disable(clock.instant());
        return codes.saveAndFlush(code);
    }

    @Transactional
    public PromoCode enable(OrganizerAccess access, UUID eventId, UUID codeId) {
        PromoCode code = locked(access, eventId, codeId);
        code.enable(clock.instant());
        return codes.saveAndFlush(code);
    }

    private PromoCode locked(OrganizerAccess access, UUID eventId, UUID codeId) {
        Event event = events.get(access, eventId);
        return codes.findForUpdate(codeId).filter(code -> code.eventId().equals(event.id()))
                .orElseThrow(() -> new CodeNotFound(codeId));
    }
}
