package org.boxoffice.booking.question.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.question.Question;
import org.boxoffice.booking.question.QuestionKind;
import org.boxoffice.booking.question.QuestionScope;
import org.boxoffice.booking.question.QuestionService;
import org.boxoffice.booking.question.QuestionSpec;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event's attendee questions (docs/commerce.md). Another organization's event, or its questions, are a 404. */
@Tag(name = "Attendee questions", description = "Questions an event asks buyers at checkout, per order or per ticket")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/questions")
class QuestionAdminController {

    private final QuestionService questions;

    QuestionAdminController(QuestionService questions) {
        this.questions = questions;
    }

    /** A question's definition; {@code options} only for a CHOICE question (1 to 50, all different). */
    record QuestionRequest(@NotBlank @Size(max = 200) String label, @NotNull QuestionKind kind,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 200) String> options, boolean required,
            @NotNull QuestionScope scope) {

        QuestionSpec toSpec() {
            return new QuestionSpec(label, kind, options == null ? List.of() : options, required, scope);
        }
    }

    /** A question as the organizer sees it; {@code position} orders the questions as they are asked. */
    record QuestionResponse(UUID id, UUID eventId, int position, String label, QuestionKind kind, List<String> options,
            boolean required, QuestionScope scope, boolean enabled) {

        static QuestionResponse of(Question question) {
            return new QuestionResponse(question.id(), question.eventId(), question.position(), question.label(),
                    question.kind(), question.options(), question.required(), question.scope(), question.enabled());
        }
    }

    @PostMapping
    @Operation(operationId = "createQuestion", summary = "Add a question to an event's checkout",
            description = "Asked after the event's other questions, from the next checkout on.")
    @ApiResponse(responseCode = "201", description = "The question")
    @ApiResponse(responseCode = "422", description = "`invalid-question` (`errors`): a choice without options, "
            + "options on another kind, repeated options.")
    ResponseEntity<QuestionResponse> create(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody QuestionRequest request) {
        Question question = questions.create(user::canManage, eventId, request.toSpec());
        return ResponseEntity.created(URI.create("/api/v1/admin/events/" + eventId + "/questions/" + question.id()))
                .body(QuestionResponse.of(question));
    }

    @GetMapping
    @Operation(operationId = "listQuestions", summary = "List an event's questions in the order they are asked")
    List<QuestionResponse> list(CurrentUser user, @PathVariable UUID eventId) {
        return questions.list(user::canManage, eventId).stream().map(QuestionResponse::of).toList();
    }

    @GetMapping("/{questionId}")
    @Operation(operationId = "getQuestion", summary = "Get one of an event's questions")
    @ApiResponse(responseCode = "200", description = "The question")
    @ApiResponse(responseCode = "404", description = "`question-not-found`, or `event-not-found`.")
    QuestionResponse get(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID questionId) {
        return QuestionResponse.of(questions.get(user::canManage, eventId, questionId));
    }

    @PutMapping("/{questionId}")
    @Operation(operationId = "updateQuestion", summary = "Replace a question's definition",
            description = "Checkouts from now on are judged by it; answers already given stay as they were.")
    @ApiResponse(responseCode = "200", description = "The question")
    @ApiResponse(responseCode = "422", description = "`invalid-question` (`errors`).")
    QuestionResponse update(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID questionId,
            @Valid @RequestBody QuestionRequest request) {
        return QuestionResponse.of(questions.update(user::canManage, eventId, questionId, request.toSpec()));
    }

    @PostMapping("/{questionId}/disable")
    @Operation(operationId = "disableQuestion", summary = "Stop asking a question; its answers stay")
    QuestionResponse disable(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID questionId) {
        return QuestionResponse.of(questions.enable(user::canManage, eventId, questionId, false));
    }

    @PostMapping("/{questionId}/enable")
    @Operation(operationId = "enableQuestion", summary = "Ask a disabled question again")
    QuestionResponse enable(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID questionId) {
        return QuestionResponse.of(questions.enable(user::canManage, eventId, questionId, true));
    }
}
