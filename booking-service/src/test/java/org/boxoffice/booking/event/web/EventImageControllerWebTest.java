package org.boxoffice.booking.event.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.web.ImageUploadContract;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.WebSliceTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** An event's image upload at the edge (the cases in {@link ImageUploadContract}). */
@WebSliceTest(EventImageController.class)
class EventImageControllerWebTest extends ImageUploadContract {

    @MockitoBean
    private EventService events;

    @Override
    protected ImageOwner owner() {
        return ImageOwner.EVENT;
    }

    @Override
    protected String imageOf(UUID eventId) {
        return "/api/v1/admin/events/" + eventId + "/image";
    }

    @Override
    protected void ownerIsAnotherOrganizations(UUID eventId, OrganizerAccessSpy access) {
        when(events.get(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));
    }

    @Override
    protected String ownerNotFound() {
        return "event-not-found";
    }

    @Override
    protected Object ownerService() {
        return events;
    }
}
