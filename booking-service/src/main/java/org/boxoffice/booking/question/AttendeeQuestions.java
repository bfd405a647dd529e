package org.boxoffice.booking.question;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the checkout, the order and the door ask of questions: judging the answers sent with a checkout against the
 * event's questions, keeping them with the order, and reading them back for the buyer and at check-in.
 */
@Service
public class AttendeeQuestions {

    private final Questions questions;
    private final Answers answers;

    AttendeeQuestions(Questions questions, Answers answers) {
        this.questions = questions;
        this.answers = answers;
    }

    /** An answer as the buyer sends it: {@code ticket} is the ticket's index in the order, for a per-ticket question. */
    public record Submitted(UUID questionId, @Nullable Integer ticket, @Nullable String answer) {
    }

    /** Answers judged good, to be kept with the order once it exists ({@link #record}). */
    public record Accepted(List<Submitted> answers) {
    }

    /** An answer as it is shown: the question's current label, the ticket's place for a per-ticket question. */
    public record Answered(UUID questionId, String question, @Nullable Integer ticket, String answer) {
    }

    /**
     * Judges {@code submitted} against the event's enabled questions for an order of {@code tickets} tickets: every
     * required question answered (per order, or for each ticket), each answer of its question's kind, none twice, none
     * to a question the event does not ask. {@link InvalidAnswers} names what is wrong; nothing is written here.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Accepted check(UUID eventId, int tickets, List<Submitted> submitted) {
        List<Question> asked = questions.findByEventIdAndEnabledTrueOrderByPositionAscCreatedAtAsc(eventId);
        Map<UUID, Question> byId = asked.stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<InvalidAnswers.Wrong> wrong = new ArrayList<>();
        Map<List<Object>, Submitted> kept = new LinkedHashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            Submitted answer = submitted.get(i);
            String field = "answers[" + i + "]";
            Question question = byId.get(answer.questionId());
            if (question == null) {
                wrong.add(new InvalidAnswers.Wrong(answer.questionId(), answer.questionId().toString(), answer.ticket(),
                        field + ".questionId", "is not a question this event asks"));
                continue;
            }
            String misplaced = placement(question, answer.ticket(), tickets);
            if (misplaced != null) {
                wrong.add(new InvalidAnswers.Wrong(question.id(), question.label(), answer.ticket(), field + ".ticket",
                        misplaced));
                continue;
            }
            List<Object> key = Arrays.asList(question.id(), answer.ticket());
            if (!seen.add(key)) {
                wrong.add(new InvalidAnswers.Wrong(question.id(), question.label(), answer.ticket(), field,
                        "is answered twice"));
                continue;
            }
            Question.Judged judged = question.judge(answer.answer());
            if (judged.wrong() != null) {
                wrong.add(new InvalidAnswers.Wrong(question.id(), question.label(), answer.ticket(),
                        field + ".answer", judged.wrong()));
            } else if (judged.kept() != null) {
                kept.put(key, new Submitted(question.id(), answer.ticket(), judged.kept()));
            }
        }
        for (Question question : asked) {
            if (!question.required()) {
                continue;
            }
            List<Integer> places = question.scope() == QuestionScope.ORDER ? Collections.<Integer>singletonList(null)
                    : IntStream.range(0, tickets).boxed().toList();
            for (Integer ticket : places) {
                if (!seen.contains(Arrays.asList(question.id(), ticket))) {
                    wrong.add(new InvalidAnswers.Wrong(question.id(), question.label(), ticket, "answers",
                            "must be answered"));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new InvalidAnswers(wrong);
        }
        return new Accepted(List.copyOf(kept.values()));
    }

    private static @Nullable String placement(Question question, @Nullable Integer ticket, int tickets) {
        if (question.scope() == QuestionScope.ORDER) {
            return ticket == null ? null : "is asked once per order: leave ticket out";
        }
        if (ticket == null || ticket < 0 || ticket >= tickets) {
            return "is asked for each ticket: ticket is 0 to " + (tickets - 1);
        }
        return null;
    }

    /** Keeps the accepted answers with the order, in the checkout's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID orderId, Accepted accepted) {
        answers.saveAll(accepted.answers().stream().map(a -> new Answer(orderId, a.questionId(), a.ticket(),
                Objects.requireNonNull(a.answer()))).toList());
    }

    /** Each order's answers, by order id: per-order answers first, then by ticket, each in the questions' order. */
    @Transactional(readOnly = true)
    public Map<UUID, List<Answered>> ofOrders(Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return byOrder(answers.findByOrderIdIn(orderIds));
    }

    private Map<UUID, List<Answered>> byOrder(List<Answer> given) {
        if (given.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Question> asked = questions.findAllById(given.stream().map(Answer::questionId).distinct().toList())
                .stream().collect(Collectors.toMap(Question::id, Function.identity()));
        return given.stream()
                .sorted(Comparator.comparing((Answer a) -> a.ticketPosition() == null ? -1 : a.ticketPosition())
                        .thenComparing(a -> asked.get(a.questionId()).position()))
                .collect(Collectors.groupingBy(Answer::orderId, Collectors.mapping(a -> new Answered(a.questionId(),
                        asked.get(a.questionId()).label(), a.ticketPosition(), a.answer()), Collectors.toList())));
    }

    /** The order's answers. */
    @Transactional(readOnly = true)
    public List<Answered> ofOrder(UUID orderId) {
        return byOrder(answers.findByOrderId(orderId)).getOrDefault(orderId, List.of());
    }

    /** What the door shows for the ticket at {@code position} of the order: the order's answers and the ticket's. */
    @Transactional(readOnly = true)
    public List<Answered> ofTicket(UUID orderId, int position) {
        return ofOrder(orderId).stream().filter(a -> a.ticket() == null || Objects.equals(a.ticket(), position))
                .toList();
    }
}
