package org.boxoffice.booking.question;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.OrganizerAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The organizer's side of questions: an event's questions exist only for its organization (another's is a 404). */
@Service
public class QuestionService {

    private final Questions questions;
    private final EventService events;
    private final Clock clock;

    QuestionService(Questions questions, EventService events, Clock clock) {
        this.questions = questions;
        this.events = events;
        this.clock = clock;
    }

    /** A new question of the caller's event, asked after the ones it has; enabled. */
    @Transactional
    public Question create(OrganizerAccess access, UUID eventId, QuestionSpec spec) {
        Event event = events.get(access, eventId);
        // Two questions added at the same moment may share a position: they are then asked in creation order.
        return questions.saveAndFlush(new Question(event.id(), questions.nextPosition(event.id()), spec,
                clock.instant()));
    }

    /** What a listed event asks its buyers at checkout: its enabled questions, in order. */
    @Transactional(readOnly = true)
    public List<Question> asked(UUID eventId) {
        return questions.findByEventIdAndEnabledTrueOrderByPositionAscCreatedAtAsc(events.listed(eventId).id());
    }

    /** The event's questions in the order they are asked, disabled ones too. */
    @Transactional(readOnly = true)
    public List<Question> list(OrganizerAccess access, UUID eventId) {
        return questions.findByEventIdOrderByPositionAscCreatedAtAsc(events.get(access, eventId).id());
    }

    @Transactional(readOnly = true)
    public Question get(OrganizerAccess access, UUID eventId, UUID questionId) {
        Event event = events.get(access, eventId);
        return questions.findById(questionId).filter(q -> q.eventId().equals(event.id()))
                .orElseThrow(() -> new QuestionNotFound(questionId));
    }

    /** Replaces the question's definition; checkouts from now on are judged by it, answers given stay as they are. */
    @Transactional
    public Question update(OrganizerAccess access, UUID eventId, UUID questionId, QuestionSpec spec) {
        Question question = locked(access, eventId, questionId);
        question.redefine(spec, clock.instant());
        return questions.saveAndFlush(question);
    }

    /** Enables or disables the question: a disabled one is no longer asked; its answers stay. */
    @Transactional
    public Question enable(OrganizerAccess access, UUID eventId, UUID questionId, boolean on) {
        Question question = locked(access, eventId, questionId);
        question.enable(on, clock.instant());
        return questions.saveAndFlush(question);
    }

    private Question locked(OrganizerAccess access, UUID eventId, UUID questionId) {
        Event event = events.get(access, eventId);
        return questions.findForUpdate(questionId).filter(q -> q.eventId().equals(event.id()))
                .orElseThrow(() -> new QuestionNotFound(questionId));
    }
}
