package org.boxoffice.booking.event;

import java.math.BigInteger;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An event's tax and service fee, applied by the server to every order line (docs/commerce.md#taxes-and-fees).
 * The tax is {@code taxRateBasisPoints} (1900 = 19 %) named {@code taxLabel} ("VAT"), either included in the prices
 * ({@code taxIncluded}: the line's price contains it) or added on top. The service fee is per ticket, either a fixed
 * {@code feeFixedMinor} or {@code feePercentBasisPoints} of the ticket's price after its discount, never both; a
 * ticket that costs nothing after its discount carries no fee. The fee is taxed like the ticket. Each amount is
 * rounded half up to the minor unit, once per line.
 */
@Embeddable
public record Charges(@Column(name = "tax_label") String taxLabel,
        @Column(name = "tax_rate_bp") int taxRateBasisPoints, @Column(name = "tax_included") boolean taxIncluded,
        @Column(name = "fee_fixed_minor") long feeFixedMinor,
                @Column(name = "fee_percent_bp") int feePercentBasisPoints) {

    /** No tax and no fee: what a line costs is its price after its discount. */
    public static final Charges NONE = new Charges("", 0, true, 0, 0);

    static final int MAX_BASIS_POINTS = 10_000;
    static final long MAX_FEE_MINOR = 100_000_000;

    /** Refuses a definition that breaks a rule, naming the field as the organizer's request spells it. */
    public Charges {
        if (taxRateBasisPoints < 0 || taxRateBasisPoints > MAX_BASIS_POINTS) {
            throw new InvalidEvent("taxRateBasisPoints", "A tax rate is between 0 and 10000 basis points (100 %).");
        }
        taxLabel = taxLabel.strip();
        if (taxRateBasisPoints > 0 && taxLabel.isEmpty()) {
            throw new InvalidEvent("taxLabel", "A tax needs a label, such as VAT, to be shown on orders and invoices.");
        }
        if (taxLabel.length() > 40) {
            throw new InvalidEvent("taxLabel", "A tax label is at most 40 characters.");
        }
        if (feeFixedMinor < 0 || feeFixedMinor > MAX_FEE_MINOR) {
            throw new InvalidEvent("feeFixedMinor", "A fixed fee is between 0 and 100000000 minor units.");
        }
        if (feePercentBasisPoints < 0 || feePercentBasisPoints > MAX_BASIS_POINTS) {
            throw new InvalidEvent("feePercentBasisPoints", "A fee is between 0 and 10000 basis points (100 %).");
        }
        if (feeFixedMinor > 0 && feePercentBasisPoints > 0) {
            throw new InvalidEvent("feePercentBasisPoints", "A service fee is either fixed or a percentage, not both.");
        }
    }

    /** What a line of {@code quantity} tickets costing {@code netMinor} in all after its discount is charged. */
    public LineCharge charge(long netMinor, int quantity) {
        if (netMinor < 0 || quantity <= 0) {
            throw new IllegalArgumentException("a line is of at least one ticket and never costs less than nothing");
        }
        long fee = netMinor == 0 ? 0 : feeFixedMinor > 0 ? Math.multiplyExact(feeFixedMinor, quantity)
                : halfUp(netMinor, feePercentBasisPoints, MAX_BASIS_POINTS);
        long taxable = Math.addExact(netMinor, fee);
        if (taxIncluded) {
            long tax = taxable - halfUp(taxable, MAX_BASIS_POINTS, MAX_BASIS_POINTS + taxRateBasisPoints);
            return new LineCharge(fee, tax, taxable);
        }
        long tax = halfUp(taxable, taxRateBasisPoints, MAX_BASIS_POINTS);
        return new LineCharge(fee, tax, Math.addExact(taxable, tax));
    }

    /**
     * The share of {@code partMinor} that {@code ofMinor} is of {@code wholeMinor}, rounded half up: the tax or fee
     * in a refund of part of an order.
     */
    public static long share(long partMinor, long ofMinor, long wholeMinor) {
        return wholeMinor == 0 ? 0 : halfUp(partMinor, ofMinor, wholeMinor);
    }

    /** {@code amount × numerator / denominator}, rounded half up; all of them not negative. */
    static long halfUp(long amount, long numerator, long denominator) {
        return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(numerator)).shiftLeft(1)
                .add(BigInteger.valueOf(denominator)).divide(BigInteger.valueOf(denominator).shiftLeft(1))
                .longValueExact();
    }

    /** One line's service fee and tax, and what it costs in all ({@code totalMinor}). */
    public record LineCharge(long feeMinor, long taxMinor, long totalMinor) {
    }
}
