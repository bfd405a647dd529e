package org.boxoffice.booking.question.web;

import static org.boxoffice.platform.testing.ProblemResults.fieldsRefused;
import static org.boxoffice.platform.testing.ProblemResults.parameterRefused;
import static org.boxoffice.platform.testing.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.EventNotFound;
import org.boxoffice.booking.question.Question;
import org.boxoffice.booking.question.QuestionExamples;
import org.boxoffice.booking.question.QuestionKind;
import org.boxoffice.booking.question.QuestionScope;
import org.boxoffice.booking.question.QuestionService;
import org.boxoffice.booking.question.QuestionSpec;
import org.boxoffice.booking.system.OrganizerAccessSpy;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.platform.testing.WebSliceTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** An event's attendee questions for its organizer: the definition's fields, the domain's rules, 404-not-403. */
@WebSliceTest(QuestionAdminController.class)
class QuestionAdminControllerWebTest {

    private static final String TEXT_QUESTION = """
            {"label": "Dietary needs", "kind": "TEXT", "required": false, "scope": "ORDER"}
            """;

    @Autowired
    private MockMvc http;

    @MockitoBean
    private QuestionService questions;

    private static String questionsOf(UUID eventId) {
        return "/api/v1/admin/events/" + eventId + "/questions";
    }

    @Test
    void refusesAQuestionWithoutLabelKindOrScopeNamingEachField() throws Exception {
        http.perform(post(questionsOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \" \", \"required\": true}"))
                .andExpect(fieldsRefused("label", "kind", "scope"));

        verifyNoInteractions(questions);
    }

    @Test
    void refusesALabelOrOptionsTooLongNamingThem() throws Exception {
        http.perform(post(questionsOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"label\": \"" + "x".repeat(201)
                                + "\", \"kind\": \"CHOICE\", \"options\": [\"S\", \"\"], \"required\": true,"
                                + " \"scope\": \"TICKET\"}"))
                .andExpect(fieldsRefused("label", "options[1]"));

        verifyNoInteractions(questions);
    }

    @Test
    void refusesAKindThatDoesNotExistNamingIt() throws Exception {
        http.perform(post(questionsOf(UUID.randomUUID()))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"Age\", \"kind\": \"NUMBER\", \"required\": true, \"scope\": \"ORDER\"}"))
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("kind")));

        verifyNoInteractions(questions);
    }

    @Test
    void answersTheDomainsRefusalAsAnInvalidQuestionNamingTheField() throws Exception {
        UUID eventId = UUID.randomUUID();
        when(questions.create(any(), eq(eventId), any()))
                .thenThrow(QuestionExamples.invalid("options", "A choice question has 1 to 50 options."));

        http.perform(post(questionsOf(eventId))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"label\": \"Size\", \"kind\": \"CHOICE\", \"required\": true, \"scope\": \"TICKET\"}"))
                .andExpect(problem(422, "invalid-question"))
                .andExpect(jsonPath("$.errors[0].field").value("options"));
    }

    @Test
    void createsAQuestionWithoutOptionsAsAnEmptyListAndAnswersItsAddress() throws Exception {
        UUID eventId = UUID.randomUUID();
        Question created = QuestionExamples.shirtSize(eventId);
        when(questions.create(any(), eq(eventId), eq(new QuestionSpec("Dietary needs", QuestionKind.TEXT,
                List.of(), false, QuestionScope.ORDER)))).thenReturn(created);

        http.perform(post(questionsOf(eventId))
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(TEXT_QUESTION))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", questionsOf(eventId) + "/" + created.id()))
                .andExpect(jsonPath("$.id").value(created.id().toString()))
                .andExpect(jsonPath("$.options.length()").value(3))
                .andExpect(jsonPath("$.enabled").value(true));
    }

    @Test
    void answersAQuestionOfAnotherEventAsQuestionNotFound() throws Exception {
        UUID eventId = UUID.randomUUID();
        UUID questionId = UUID.randomUUID();
        when(questions.update(any(), eq(eventId), eq(questionId), any()))
                .thenThrow(QuestionExamples.notFound(questionId));

        http.perform(put(questionsOf(eventId) + "/" + questionId)
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID()))
                        .contentType(MediaType.APPLICATION_JSON).content(TEXT_QUESTION))
                .andExpect(problem(404, "question-not-found"))
                .andExpect(jsonPath("$.questionId").value(questionId.toString()));
    }

    @Test
    void answersAnotherOrganizationsQuestionsAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(questions.list(any(), eq(eventId))).thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(get(questionsOf(eventId)).header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void answersDisablingAnotherOrganizationsQuestionAsNotFoundNotForbidden() throws Exception {
        UUID mine = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID questionId = UUID.randomUUID();
        OrganizerAccessSpy access = new OrganizerAccessSpy();
        when(questions.enable(any(), eq(eventId), eq(questionId), eq(false)))
                .thenAnswer(access.notFound(new EventNotFound(eventId)));

        http.perform(post(questionsOf(eventId) + "/" + questionId + "/disable")
                        .header("Authorization", "Bearer " + TestTokens.organizer(mine)))
                .andExpect(problem(404, "event-not-found"));

        access.assertWasTheCallersOnly(mine);
    }

    @Test
    void refusesAQuestionIdThatIsNotAUuidNamingTheParameter() throws Exception {
        http.perform(get(questionsOf(UUID.randomUUID()) + "/size")
                        .header("Authorization", "Bearer " + TestTokens.organizer(UUID.randomUUID())))
                .andExpect(parameterRefused("questionId"));

        verifyNoInteractions(questions);
    }

    @Test
    void keepsABuyerOutOfTheQuestionAdmin() throws Exception {
        http.perform(post(questionsOf(UUID.randomUUID())).header("Authorization", "Bearer " + TestTokens.buyer())
                        .contentType(MediaType.APPLICATION_JSON).content(TEXT_QUESTION))
                .andExpect(problem(403, "forbidden"));

        verifyNoInteractions(questions);
    }
}
