package org.boxoffice.booking.media.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.boxoffice.booking.media.ImageOwner;
import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.media.MediaExamples;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What every image upload of an organizer API answers (an event's, a venue's): the stored widths, the description's
 * limit, the upload's refusals, another organization's owner not found and a buyer kept out. A web slice of such a
 * controller extends it and says where its images go and how its owner is looked up.
 */
public abstract class ImageUploadContract {

    protected static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

    @Autowired
    protected MockMvc http;

    @MockitoBean
    protected Images images;

    /** Whose images the controller stores. */
    protected abstract ImageOwner owner();

    /** The image's path of the owner {@code ownerId}. */
    protected abstract String imageOf(UUID ownerId);

    /** The owner's service answers {@code ownerId} as not found, as for another organization, keeping the access. */
    protected abstract void ownerIsAnotherOrganizations(UUID ownerId, OrganizerAccessSpy access);

    /** The problem type of an owner not found ({@code event-not-found}). */
    protected abstract String ownerNotFound();

    /** The owner's service, which a refused request must not reach either. */
    protected abstract Object ownerService();

    protected MockHttpServletRequestBuilder upload(UUID ownerId, String token) {
        return put(imageOf(ownerId)).header("Authorization", "Bearer " + token).contentType(MediaType.IMAGE_JPEG)
                .content(JPEG);
    }

    @Test
    void storesTheUploadAndAnswersItsWidthsAndDescription() throws Exception {
        UUID ownerId = UUID.randomUUID();
        when(images.attach(eq(owner()), eq(ownerId), eq(JPEG), eq("The stage at night")))
                .thenReturn(MediaExamples.twoWidths("The stage at night"));

        http.perform(upload(ownerId, TestTokens.organizer(UUID.randomUUID())).param("description", "The stage at night"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.url").value("/api/v1/media/images/" + "cd".repeat(32) + ".jpg"))
                .andExpect(jsonPath("$.width").value(800))
                .andExpect(jsonPath("$.variants.length()").value(2))
                .andExpect(jsonPath("$.variants[0].url").value("/api/v1/media/images/" + MediaExamples.NAME))
                .andExpect(jsonPath("$.description").value("The stage at night"));
    }

    @Test
    void refusesADescriptionLongerThan250CharactersNamingIt() throws Exception {
        http.perform(upload(UUID.randomUUID(), TestTokens.organizer(UUID.randomUUID()))
                        .param("description", "x".repeat(251)))
                .andExpect(fieldsRefused("description"));

        verifyNoInteractions(images, ownerService());
    }

    @Test
    void refusesABodyDeclaredAsSomethingOtherThanAnImage() throws Exception {
        http.perform(put(imageOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.TEXT_PLAIN).content("not an image"))
                .andExpect(problem(415, "unsupported-media-type"));

        verifyNoInteractions(images, ownerService());
    }

    @Test
    void answersBytesThatAreNoPngOrJpegAsAnUnsupportedImageType() throws Exception {
        when(images.attach(eq(owner()), any(), any(), any())).thenThrow(MediaExamples.unsupported());

        http.perform(upload(UUID.randomUUID(), TestTokens.organizer(UUID.randomUUID())))
                .andExpect(problem(415, "unsupported-image-type"))
                .andExpect(jsonPath("$.reason").value("type"));
    }

    @Test
    void answersAnImageTheServiceRefusesAsInvalidWithTheReason() throws Exception {
        when(images.attach(eq(owner()), any(), any(), any())).thenThrow(MediaExamples.invalid("pixels"));

        http.perform(upload(UUID.randomUUID(), TestTokens.organizer(UUID.randomUUID())))
                .andExpect(problem(422, "invalid-image"))
                .andExpect(jsonPath("$.reason").value("pixels"));
    }

    /** Nothing is stored for an owner the caller cannot manage, and it is not found rather than forbidden. */
    @Test
    void answersAnUploadForAnotherOrganizationAsNotFoundAndStoresNothing() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        ownerIsAnotherOrganizations(ownerId, access);

        http.perform(upload(ownerId, TestTokens.organizer(mine))).andExpect(problem(404, ownerNotFound()));

        access.assertWasTheCallersOnly(mine);
        verifyNoInteractions(images);
    }

    @Test
    void keepsABuyerFromUploadingImages() throws Exception {
        http.perform(upload(UUID.randomUUID(), TestTokens.buyer())).andExpect(problem(403, "forbidden"));

        verifyNoInteractions(images, ownerService());
    }
}
