package org.boxoffice.booking.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.boxoffice.platform.problem.FieldViolation;
import org.junit.jupiter.api.Test;

/** The tax and fee rule: what each line is charged, rounded half up, and the definitions it refuses. */
class ChargesTest {

    @Test
    void anAddedTaxIsOnThePriceAfterDiscountPlusAPercentFeeEachRoundedHalfUp() {
        Charges vatOnTop = new Charges("VAT", 1_900, false, 0, 500);

        // 4050 after discount: fee 5 % = 202.5 → 203; tax 19 % of 4253 = 808.07 → 808; 4050 + 203 + 808.
        assertThat(vatOnTop.charge(4_050, 1)).isEqualTo(new Charges.LineCharge(203, 808, 5_061));
        // 7500: fee 375; tax 19 % of 7875 = 1496.25 → 1496.
        assertThat(vatOnTop.charge(7_500, 3)).isEqualTo(new Charges.LineCharge(375, 1_496, 9_371));
        // Exactly half a minor unit goes up: 10 × 5 % = 0.5 → 1; 11 × 19 % = 2.09 → 2.
        assertThat(vatOnTop.charge(10, 1)).isEqualTo(new Charges.LineCharge(1, 2, 13));
    }

    @Test
    void anIncludedTaxIsTheShareOfThePriceAndAFixedFeeIsPerTicket() {
        Charges vatIncluded = new Charges("VAT", 1_900, true, 150, 0);

        // Two tickets of 45.00: fee 2 × 1.50; 9300 contains 9300 - 9300 / 1.19 = 9300 - 7815.13 → 1485 of tax.
        assertThat(vatIncluded.charge(9_000, 2)).isEqualTo(new Charges.LineCharge(300, 1_485, 9_300));
        assertThat(new Charges("VAT", 2_000, true, 0, 0).charge(1_200, 1))
                .isEqualTo(new Charges.LineCharge(0, 200, 1_200));
    }

    @Test
    void aTicketThatCostsNothingAfterItsDiscountCarriesNoFeeAndNoTax() {
        assertThat(new Charges("VAT", 1_900, false, 150, 0).charge(0, 4)).isEqualTo(new Charges.LineCharge(0, 0, 0));
        assertThat(Charges.NONE.charge(4_500, 1)).isEqualTo(new Charges.LineCharge(0, 0, 4_500));
    }

    @Test
    void theSharesOfPartialRefundsAddUpToTheWhole() {
        long tax = 2_304;
        long total = 14_432;
        long first = Charges.share(5_000, tax, total);
        long both = Charges.share(total, tax, total);

        assertThat(first).isEqualTo(798);
        assertThat(both).isEqualTo(tax);
        assertThat(Charges.share(0, tax, total)).isZero();
        assertThat(Charges.share(5, 0, 0)).isZero();
    }

    @Test
    void refusesADefinitionThatBreaksARuleNamingTheField() {
        assertThatThrownBy(() -> new Charges("", 1_900, false, 0, 0)).isInstanceOf(InvalidEvent.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("taxLabel"));
        assertThatThrownBy(() -> new Charges("VAT", 10_001, false, 0, 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("taxRateBasisPoints"));
        assertThatThrownBy(() -> new Charges("", 0, true, 100, 500))
                .satisfies(e -> assertThat(field(e)).isEqualTo("feePercentBasisPoints"));
        assertThatThrownBy(() -> new Charges("", 0, true, -1, 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("feeFixedMinor"));
        assertThatThrownBy(() -> new Charges("", 0, true, 0, 0).charge(-1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static String field(Throwable invalid) {
        var errors = (java.util.List<FieldViolation>) ((InvalidEvent) invalid).properties().get("errors");
        return errors.getFirst().field();
    }
}
