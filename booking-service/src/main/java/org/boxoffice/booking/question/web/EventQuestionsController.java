package org.boxoffice.booking.question.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.question.Question;
import org.boxoffice.booking.question.QuestionKind;
import org.boxoffice.booking.question.QuestionScope;
import org.boxoffice.booking.question.QuestionService;
import org.boxoffice.booking.system.CatalogCaching;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The questions a published event asks at checkout, for everyone (the checkout form shows them). */
@Tag(name = "Events")
@RestController
@RequestMapping("/api/v1/events/{eventId}/questions")
class EventQuestionsController {

    private final QuestionService questions;

    EventQuestionsController(QuestionService questions) {
        this.questions = questions;
    }

    /** A question as the checkout asks it: answer it per order, or for each ticket ({@code scope} TICKET). */
    record AskedQuestion(UUID id, String label, QuestionKind kind, List<String> options, boolean required,
            QuestionScope scope) {

        static AskedQuestion of(Question question) {
            return new AskedQuestion(question.id(), question.label(), question.kind(), question.options(),
                    question.required(), question.scope());
        }
    }

    @GetMapping
    @Operation(operationId = "listEventQuestions", summary = "The questions an event asks at checkout",
            description = "Send the answers with the checkout (`answers` of POST /api/v1/orders). Cached for 5 seconds.")
    @ApiResponse(responseCode = "200", description = "The event's questions, in the order they are asked")
    @ApiResponse(responseCode = "304", description = "Not modified")
    @ApiResponse(responseCode = "404", description = "`event-not-found`: no such published event.")
    ResponseEntity<List<AskedQuestion>> list(@PathVariable UUID eventId) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.CATALOGUE)
                .body(questions.asked(eventId).stream().map(AskedQuestion::of).toList());
    }
}
