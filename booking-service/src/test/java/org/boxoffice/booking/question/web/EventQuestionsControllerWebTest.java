package org.boxoffice.booking.question.web;

import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.question.QuestionExamples;
import org.boxoffice.booking.question.QuestionService;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** A published event's checkout questions, for everyone: no token needed, an unknown event not found. */
@WebSliceTest(EventQuestionsController.class)
class EventQuestionsControllerWebTest {

    @Autowired
    private MockMvc http;

    @MockitoBean
    private QuestionService questions;

    @Test
    void answersTheQuestionsAskedWithoutATokenAndCachedPublicly() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(questions.asked(eventId)).thenReturn(List.of(QuestionExamples.shirtSize(eventId)));

        http.perform(get("/api/v1/events/" + eventId + "/questions"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", Matchers.containsString("public")))
                .andExpect(jsonPath("$[0].label").value("Shirt size"))
                .andExpect(jsonPath("$[0].scope").value("TICKET"))
                .andExpect(jsonPath("$[0].options[2]").value("L"))
                // The organizer's view (position, enabled) is not the buyer's.
                .andExpect(jsonPath("$[0].enabled").doesNotExist())
                .andExpect(jsonPath("$[0].position").doesNotExist());
    }

    @Test
    void answersAnEventThatIsNotPublishedAsNotFound() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(questions.asked(eventId)).thenThrow(new EventNotFound(eventId));

        http.perform(get("/api/v1/events/" + eventId + "/questions"))
                .andExpect(problem(404, "event-not-found"));
    }

    @Test
    void refusesAnEventIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get("/api/v1/events/gala/questions")).andExpect(parameterRefused("eventId"));

        verifyNoInteractions(questions);
    }
}
