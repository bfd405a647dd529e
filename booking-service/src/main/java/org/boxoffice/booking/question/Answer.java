package org.boxoffice.booking.question;

import java.util.UUID;

import org.boxoffice.booking.system.AssignedId;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One answer of an order to one question: for a per-ticket question, about the ticket at {@code ticketPosition} (its
 * place in the order, kept by a ticket that replaces it in a transfer); for a per-order question, about the order.
 * Written once, at checkout.
 */
@Entity
@Table(name = "attendee_answer")
public class Answer extends AssignedId {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "question_id")
    private UUID questionId;
    @Column(name = "ticket_position")
    private @Nullable Integer ticketPosition;
    private String answer;

    protected Answer() {
    }

    Answer(UUID orderId, UUID questionId, @Nullable Integer ticketPosition, String answer) {
        this.id = UUID.randomUUID();
        this.orderId = orderId;
        this.questionId = questionId;
        this.ticketPosition = ticketPosition;
        this.answer = answer;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID questionId() {
        return questionId;
    }

    public @Nullable Integer ticketPosition() {
        return ticketPosition;
    }

    public String answer() {
        return answer;
    }
}
