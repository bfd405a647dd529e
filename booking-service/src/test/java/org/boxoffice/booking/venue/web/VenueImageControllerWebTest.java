package org.boxoffice.booking.venue.web;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.MediaExamples;
import org.boxoffice.booking.media.web.ImageUploadContract;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.booking.venue.VenueNotFound;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A venue's image at the edge: the upload (the cases in {@link ImageUploadContract}) and reading it back. */
@WebSliceTest(VenueImageController.class)
class VenueImageControllerWebTest extends ImageUploadContract {

    @MockitoBean
    private VenueService venues;

    @Override
    protected ImageOwner owner() {
        return ImageOwner.VENUE;
    }

    @Override
    protected String imageOf(UUID venueId) {
        return "/api/v1/admin/venues/" + venueId + "/image";
    }

    @Override
    protected void ownerIsAnotherOrganizations(UUID venueId, OrganizerAccessSpy access) {
        when(venues.get(any(), eq(venueId))).thenAnswer(access.notFound(new VenueNotFound(venueId)));
    }

    @Override
    protected String ownerNotFound() {
        return "venue-not-found";
    }

    @Override
    protected Object ownerService() {
        return venues;
    }

    @Test
    void answersTheVenuesImage() throws Exception {
        UUID venueId = UUID.randomUUID();
        when(images.find(ImageOwner.VENUE, venueId)).thenReturn(Optional.of(MediaExamples.twoWidths(null)));

        http.perform(get(imageOf(venueId)).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.width").value(800))
                .andExpect(jsonPath("$.description").doesNotExist());
    }

    @Test
    void answersAVenueWithoutAnImageAsNotFound() throws Exception {
        UUID venueId = UUID.randomUUID();
        when(images.find(ImageOwner.VENUE, venueId)).thenReturn(Optional.empty());

        http.perform(get(imageOf(venueId)).header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void answersAnotherOrganizationsVenueImageAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID venueId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        ownerIsAnotherOrganizations(venueId, access);

        http.perform(get(imageOf(venueId)).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "venue-not-found"));

        access.assertWasTheCallersOnly(mine);
        verifyNoInteractions(images);
    }
}
