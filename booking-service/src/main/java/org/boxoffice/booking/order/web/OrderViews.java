package org.boxoffice.booking.order.web;

import java.util.List;
import java.util.Map;

import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.system.PageResponse;
import org.springframework.stereotype.Component;

/** Orders as the API answers them, with their answers to the event's questions (a page's read at once). */
@Component
class OrderViews {

    private final AttendeeQuestions questions;

    OrderViews(AttendeeQuestions questions) {
        this.questions = questions;
    }

    OrderResponse one(Order order) {
        return OrderResponse.of(order, questions.ofOrder(order.id()));
    }

    PageResponse<OrderResponse> page(PageResponse<Order> orders) {
        Map<java.util.UUID, List<AttendeeQuestions.Answered>> answers = questions
                .ofOrders(orders.items().stream().map(Order::id).toList());
        return orders.map(order -> OrderResponse.of(order, answers.getOrDefault(order.id(), List.of())));
    }
}
