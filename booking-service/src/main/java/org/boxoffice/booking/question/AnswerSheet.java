package org.boxoffice.booking.question;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organizer's export of attendees and their answers: one row per live ticket of the event's confirmed orders (a
 * transferred ticket's replacement, not the ticket it replaced), one column per question, disabled ones included.
 */
@Component
@SqlByDesign("A report over an event's tickets, orders and answers: two set-based reads, not aggregates")
public class AnswerSheet {

    /** The sheet: a header row and one row per ticket, every cell text (empty: no answer). */
    public record Sheet(List<String> header, List<List<String>> rows) {
    }

    private static final List<String> TICKET_COLUMNS = List.of("order_id", "buyer_email", "ticket_code", "section",
            "row", "seat", "tier", "holder_email", "checked_in_at");

    private final JdbcClient jdbc;
    private final Questions questions;
    private final EventService events;

    AnswerSheet(JdbcClient jdbc, Questions questions, EventService events) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Sheet of(OrganizerAccess access, UUID eventId) {
        Event event = events.get(access, eventId);
        List<Question> asked = questions.findByEventIdOrderByPositionAscCreatedAtAsc(event.id());
        Map<String, String> answers = new HashMap<>();
        jdbc.sql("""
                SELECT a.order_id, a.question_id, a.ticket_position, a.answer
                  FROM attendee_answer a JOIN purchase_order o ON o.id = a.order_id
                 WHERE o.event_id = ? AND o.status = 'CONFIRMED'
                """).params(event.id()).query(rs -> {
                    Integer position = rs.getObject("ticket_position", Integer.class);
                    answers.put(key(rs.getObject("order_id", UUID.class), rs.getObject("question_id", UUID.class),
                            position), rs.getString("answer"));
                });
        List<String> header = new ArrayList<>(TICKET_COLUMNS);
        asked.forEach(question -> header.add(question.label()));
        List<List<String>> rows = jdbc.sql("""
                SELECT o.id AS order_id, o.buyer_email, t.code, t.position, t.section_name, t.row_label,
                       t.seat_number, t.tier_name, t.holder_email, t.checked_in_at
                  FROM ticket t JOIN purchase_order o ON o.id = t.order_id
                 WHERE t.event_id = ? AND o.status = 'CONFIRMED' AND t.status = 'VALID'
                 ORDER BY o.created_at, o.id, t.position
                """).params(event.id()).query((rs, n) -> {
                    UUID orderId = rs.getObject("order_id", UUID.class);
                    int position = rs.getInt("position");
                    Timestamp checkedIn = rs.getTimestamp("checked_in_at");
                    List<String> row = new ArrayList<>(List.of(orderId.toString(), text(rs.getString("buyer_email")),
                            rs.getString("code"), rs.getString("section_name"), text(rs.getString("row_label")),
                            text(rs.getString("seat_number")), rs.getString("tier_name"),
                            text(rs.getString("holder_email")),
                            checkedIn == null ? "" : checkedIn.toInstant().toString()));
                    for (Question question : asked) {
                        row.add(answers.getOrDefault(key(orderId, question.id(),
                                question.scope() == QuestionScope.ORDER ? null : position), ""));
                    }
                    return List.copyOf(row);
                }).list();
        return new Sheet(List.copyOf(header), rows);
    }

    private static String key(UUID orderId, UUID questionId, @org.jspecify.annotations.Nullable Integer position) {
        return orderId + "/" + questionId + "/" + position;
    }

    private static String text(@org.jspecify.annotations.Nullable String value) {
        return value == null ? "" : value;
    }
}
