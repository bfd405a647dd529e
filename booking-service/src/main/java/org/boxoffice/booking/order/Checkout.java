package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldCheckout;
import org.boxoffice.booking.hold.HoldItem;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.booking.promo.PromoCode;
import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.Venues;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout: the buyer's active hold becomes an order awaiting payment, priced on the server from the event's tiers,
 * less the promo code's discount, plus the event's fees and taxes, in one transaction with the hold's ending and
 * {@code OrderPlaced}. A free order is confirmed there and then.
 */
@Service
public class Checkout {

    private final Orders orders;
    private final HoldCheckout holds;
    private final EventService events;
    private final Venues venues;
    private final OrderFulfilment fulfilment;
    private final BookingEvents announcements;
    private final TransactionTemplate transactions;
    private final CodeRedemption codes;
    private final AttendeeQuestions questions;
    private final Clock clock;
    private final Duration paymentWindow;

    Checkout(Orders orders, HoldCheckout holds, EventService events, Venues venues, OrderFulfilment fulfilment,
            BookingEvents announcements, PlatformTransactionManager transactionManager, CodeRedemption codes,
            AttendeeQuestions questions, Clock clock, BookingProperties properties) {
        this.orders = orders;
        this.holds = holds;
        this.events = events;
        this.venues = venues;
        this.fulfilment = fulfilment;
        this.announcements = announcements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.codes = codes;
        this.questions = questions;
        this.clock = clock;
        this.paymentWindow = properties.paymentWindow();
    }

    /** Turns the buyer's active hold into an order awaiting payment; prices come from the event's tiers. */
    public Order checkout(UUID buyerId, UUID holdId) {
        return checkout(buyerId, holdId, null);
    }

    /**
     * As above, with the discount of the event's code {@code promoCode} (null: none) on the lines it covers; the
     * code's use is taken last in the transaction, so a code used up meanwhile ({@code code-exhausted}) rolls the
     * whole checkout back and the hold stays active. A discount of the whole price makes a free order, confirmed at
     * once.
     */
    public Order checkout(UUID buyerId, UUID holdId, @Nullable String promoCode) {
        return checkout(buyerId, holdId, promoCode, List.of());
    }

    /**
     * As above, with the answers to the event's attendee questions, judged before anything is written
     * ({@code invalid-answers} rolls the checkout back, the hold stays active) and kept with the order.
     */
    public Order checkout(UUID buyerId, UUID holdId, @Nullable String promoCode,
            List<AttendeeQuestions.Submitted> answers) {
        return Objects.requireNonNull(transactions.execute(status -> {
            Instant now = clock.instant();
            Hold hold = holds.checkOut(buyerId, holdId, now);
            Event event = events.listed(hold.eventId());
            Map<UUID, EventSection> sections = events.sections(event.id()).stream()
                    .collect(Collectors.toMap(EventSection::sectionId, Function.identity()));
            List<OrderLine> lines = lines(sections, hold);
            AttendeeQuestions.Accepted answered = questions.check(event.id(),
                    lines.stream().mapToInt(OrderLine::quantity).sum(), answers);
            CodeRedemption.Accepted code = null;
            if (promoCode != null) {
                code = codes.discount(event, promoCode, now);
                List<Long> discounts = code.discounts(lines.stream().map(line -> new PromoCode.Priced(
                        line.sectionId(), sections.get(line.sectionId()).tier(), line.quantity(),
                        line.unitPriceMinor(), line.amountMinor())).toList());
                List<OrderLine> discounted = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) {
                    discounted.add(lines.get(i).discounted(discounts.get(i)));
                }
                lines = discounted;
            }
            // The fee and the tax are on what the buyer pays for a ticket: after its discount.
            lines = lines.stream().map(line -> line.charged(event.charges())).toList();
            Order order = orders.saveAndFlush(Order.place(new Purchase(event.id(), holdId, buyerId, hold.buyerEmail(),
                    event.currency()), new Bill(lines, code == null ? null : code.code(), event.charges()), now,
                    now.plus(paymentWindow)));
            questions.record(order.id(), answered);
            announcements.announce(new Published.OrderPlaced(order.id(), holdId, event.id(), event.organizationId(),
                    buyerId, order.bill().quantity(), order.bill().totalMinor(), event.currency().getCurrencyCode(),
                    now, order.paymentDue(), code == null ? null : code.codeId(), code == null ? null : code.code()));
            if (order.bill().totalMinor() == 0) {
                // Nothing to pay, so nothing to wait for: payment-service could not take a payment of zero.
                fulfilment.confirmFree(order, event);
            }
            if (code != null) {
                // Last: after the inventory rows a free order sells, the lock order every release keeps.
                codes.redeem(code, holdId, buyerId, now);
            }
            return order;
        }));
    }

    /** One line per item of the hold, at its section's tier price, described as the buyer's ticket will say. */
    private List<OrderLine> lines(Map<UUID, EventSection> sections, Hold hold) {
        List<UUID> seatIds = hold.items().stream().map(HoldItem::seatId).filter(Objects::nonNull).toList();
        Map<UUID, String> seatLabels = (seatIds.isEmpty() ? List.<Seat>of() : venues.findSeats(seatIds)).stream()
                .collect(Collectors.toMap(Seat::id, seat -> "row " + seat.row() + ", seat " + seat.number()));
        List<OrderLine> lines = new ArrayList<>();
        for (HoldItem item : hold.items()) {
            EventSection section = sections.get(item.sectionId());
            String description = section.name() + " (" + section.tier() + ")"
                    + (item.seatId() == null ? "" : ", " + seatLabels.get(item.seatId()));
            lines.add(new OrderLine(item.sectionId(), item.seatId(), description, item.quantity(),
                    section.priceMinor(), Math.multiplyExact(section.priceMinor(), item.quantity())));
        }
        return lines;
    }
}
