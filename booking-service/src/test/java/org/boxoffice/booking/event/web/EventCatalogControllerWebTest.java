package org.boxoffice.booking.event.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.media.Images;
import org.boxoffice.platform.testing.WebSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The public catalogue at the edge: no account needed, bad search parameters named, an unknown event not found. */
@WebSliceTest(EventCatalogController.class)
@Import(EventImages.class)
class EventCatalogControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private EventService events;
    @MockitoBean
    private Images images;

    @Test
    void answersAnUnknownEventAsNotFoundWithoutAnAccount() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(events.listing(eventId)).thenThrow(new EventNotFound(eventId));

        http.perform(get("/api/v1/events/" + eventId))
                .andExpect(problem(404, "event-not-found"));
    }

    @Test
    void refusesATimeThatIsNotAnInstantNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/events").param("from", "next friday"))
                .andExpect(parameterRefused("from"));

        verifyNoInteractions(events);
    }

    @Test
    void refusesASearchTextOverTheLimitNamingIt() throws Exception {
        http.perform(get("/api/v1/events").param("q", "x".repeat(101)))
                .andExpect(problem(400, "validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));

        verifyNoInteractions(events);
    }
}
