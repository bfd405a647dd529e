package org.boxoffice.booking.media.web;

import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.boxoffice.booking.media.Images;
import org.boxoffice.booking.media.MediaExamples;
import org.boxoffice.booking.storage.ObjectStore;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Public images: served to anyone, immutable and revalidated by their name's hash, an unknown name not found. */
@WebSliceTest(MediaController.class)
class MediaControllerWebTest {

    private static final String IMAGE = "/api/v1/media/images/" + MediaExamples.NAME;
    private static final String ETAG = "\"" + "ab".repeat(32) + "\"";

    @Autowired
    private MockMvc http;

    @MockitoBean
    private Images images;

    @Test
    void servesAnImageWithoutATokenCachedForAYearAsImmutable() throws Exception {
        when(images.open(MediaExamples.NAME))
                .thenReturn(Optional.of(new ObjectStore.StoredObject(new byte[] { (byte) 0xFF, (byte) 0xD8 }, "image/jpeg")));

        http.perform(get(IMAGE))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("ETag", ETAG))
                .andExpect(header().string("Cache-Control", Matchers.allOf(Matchers.containsString("max-age=31536000"),
                        Matchers.containsString("public"), Matchers.containsString("immutable"))))
                .andExpect(content().bytes(new byte[] { (byte) 0xFF, (byte) 0xD8 }));
    }

    @Test
    void answersARevalidationWithNotModifiedAndNoBody() throws Exception {
        when(images.open(MediaExamples.NAME))
                .thenReturn(Optional.of(new ObjectStore.StoredObject(new byte[] { 1 }, "image/jpeg")));

        http.perform(get(IMAGE).header("If-None-Match", ETAG))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", ETAG))
                .andExpect(content().bytes(new byte[0]));
    }

    @Test
    void answersAnUnknownImageAsNotFound() throws Exception {
        when(images.open(MediaExamples.NAME)).thenReturn(Optional.empty());

        http.perform(get(IMAGE)).andExpect(problem(404, "not-found"));
    }

    /** Images decides what a name is: anything else is not found, never an error or a path outside the store. */
    @Test
    void answersANameThatIsNoImageNameAsNotFound() throws Exception {
        http.perform(get("/api/v1/media/images/passwd")).andExpect(problem(404, "not-found"));
    }
}
