package org.boxoffice.booking.event.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.ImageSet;
import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.system.PageResponse;
import org.springframework.stereotype.Component;

/** The image an event shows: its own, else its venue's (two reads for a whole page of events, from memory mostly). */
@Component
class EventImages {

    private final Images images;

    EventImages(Images images) {
        this.images = images;
    }

    PageResponse<EventResponse> page(PageResponse<Event> events) {
        Map<UUID, ImageSet> shown = of(events.items());
        return events.map(event -> EventResponse.of(event, List.of()).withImage(shown.get(event.id())));
    }

    EventResponse one(EventResponse response) {
        return response.withImage(images.find(ImageOwner.EVENT, response.id())
                .or(() -> images.find(ImageOwner.VENUE, response.venueId())).orElse(null));
    }

    private Map<UUID, ImageSet> of(List<Event> events) {
        Map<UUID, ImageSet> own = images.find(ImageOwner.EVENT, events.stream().map(Event::id).toList());
        List<UUID> venues = events.stream().filter(event -> !own.containsKey(event.id())).map(Event::venueId).toList();
        Map<UUID, ImageSet> ofVenues = venues.isEmpty() ? Map.of() : images.find(ImageOwner.VENUE, venues);
        Map<UUID, ImageSet> shown = new HashMap<>(own);
        events.forEach(event -> {
            if (!shown.containsKey(event.id()) && ofVenues.containsKey(event.venueId())) {
                shown.put(event.id(), ofVenues.get(event.venueId()));
            }
        });
        return shown;
    }
}
