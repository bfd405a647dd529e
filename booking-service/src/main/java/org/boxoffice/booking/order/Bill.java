package org.boxoffice.booking.order;

import java.util.ArrayList;
import java.util.List;

import org.boxoffice.booking.event.Charges;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;

/**
 * What an order costs, fixed at checkout: its lines priced on the server from the event's tiers, less the discount of
 * the promo code it was checked out with (null: none), plus the fees and taxes of the event's {@link Charges} as they
 * were then; its total is what the lines cost, its quantity their tickets. Part of the {@link Order}.
 */
@Embeddable
public class Bill {

    @Column(name = "total_minor")
    private long totalMinor;
    private int quantity;
    @Column(name = "promo_code")
    private @Nullable String promoCode;
    @Embedded
    private Charges charges = Charges.NONE;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    protected Bill() {
    }

    Bill(List<OrderLine> lines, @Nullable String promoCode, Charges charges) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order is of at least one line");
        }
        Amounts amounts = Amounts.of(lines);
        this.totalMinor = amounts.totalMinor();
        this.quantity = amounts.quantity();
        this.promoCode = promoCode;
        this.charges = charges;
        this.lines = new ArrayList<>(lines);
    }

    /** What is to be paid. */
    public long totalMinor() {
        return totalMinor;
    }

    /** How many tickets. */
    public int quantity() {
        return quantity;
    }

    /** The code it was checked out with, if any. */
    public @Nullable String promoCode() {
        return promoCode;
    }

    /** The tax and fee rule it was charged by, as at checkout. */
    public Charges charges() {
        return charges;
    }

    /** What its lines add up to: before discounts, discounts, fees, tax and the total. */
    public Amounts amounts() {
        return Amounts.of(lines);
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
