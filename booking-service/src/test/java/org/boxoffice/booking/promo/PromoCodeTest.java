package org.boxoffice.booking.promo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The code's own rules, without Spring: definitions, when it may be used, and what it takes off. */
class PromoCodeTest {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    static final UUID EVENT = UUID.randomUUID();
    static final UUID STALLS = UUID.randomUUID();
    static final UUID FLOOR = UUID.randomUUID();

    static CodeSpec percent(int percentOff) {
        return new CodeSpec("summer-10", CodeKind.DISCOUNT, percentOff, null, List.of(), List.of(), 10, 2, null, null);
    }

    static CodeSpec fixed(long amountOffMinor, List<UUID> sections, List<String> tiers) {
        return new CodeSpec("FIVEOFF", CodeKind.DISCOUNT, null, amountOffMinor, sections, tiers, null, null, null,
                null);
    }

    static CodeSpec access(List<UUID> sections, Instant from, Instant until) {
        return new CodeSpec("FANCLUB", CodeKind.ACCESS, null, null, sections, List.of(), 100, 1, from, until);
    }

    @Test
    void aCodeIsStoredInUpperCaseAndRefusesTextThatIsNotACode() {
        assertThat(new PromoCode(EVENT, percent(10), NOW).code()).isEqualTo("SUMMER-10");
        assertThatThrownBy(() -> new PromoCode(EVENT, new CodeSpec("a b", CodeKind.DISCOUNT, 10, null, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class);
    }

    @Test
    void aDiscountTakesExactlyOneOfPercentAndAmountAndAnAccessCodeNeither() {
        assertThatThrownBy(() -> new PromoCode(EVENT, new CodeSpec("BOTH", CodeKind.DISCOUNT, 10, 100L, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class)
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new PromoCode(EVENT, new CodeSpec("NONE", CodeKind.DISCOUNT, null, null, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> new PromoCode(EVENT, percent(101), NOW)).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> new PromoCode(EVENT, new CodeSpec("VIP", CodeKind.ACCESS, 10, null, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class)
                .hasMessageContaining("no discount");
    }

    @Test
    void limitsAndWindowMustMakeSense() {
        assertThatThrownBy(() -> new PromoCode(EVENT, new CodeSpec("PERBUYER", CodeKind.DISCOUNT, 10, null, List.of(),
                List.of(), 2, 3, null, null), NOW)).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> new PromoCode(EVENT, access(List.of(), NOW, NOW), NOW))
                .isInstanceOf(InvalidCode.class).hasMessageContaining("end after it starts");
    }

    @Test
    void isUsableOnlyEnabledInsideItsWindowAndForItsKind() {
        PromoCode code = new PromoCode(EVENT, access(List.of(), NOW, NOW.plus(Duration.ofHours(1))), NOW);
        code.requireUsable(CodeKind.ACCESS, NOW);
        assertThatThrownBy(() -> code.requireUsable(CodeKind.ACCESS, NOW.minusSeconds(1)))
                .isInstanceOf(CodeNotYetValid.class);
        assertThatThrownBy(() -> code.requireUsable(CodeKind.ACCESS, NOW.plus(Duration.ofHours(1))))
                .isInstanceOf(CodeExpired.class);
        assertThatThrownBy(() -> code.requireUsable(CodeKind.DISCOUNT, NOW)).isInstanceOf(CodeNotApplicable.class)
                .hasMessageContaining("gives no discount");
        code.disable(NOW);
        assertThatThrownBy(() -> code.requireUsable(CodeKind.ACCESS, NOW)).isInstanceOf(CodeDisabled.class);
        code.enable(NOW);
        code.requireUsable(CodeKind.ACCESS, NOW);
    }

    @Test
    void aPercentageIsTakenOffEachLineRoundedDown() {
        PromoCode code = new PromoCode(EVENT, percent(15), NOW);
        assertThat(code.discounts(List.of(new PromoCode.Priced(STALLS, "Stalls", 1, 4_550, 4_550),
                new PromoCode.Priced(FLOOR, "Floor", 3, 2_500, 7_500)))).containsExactly(682L, 1_125L);
        assertThat(new PromoCode(EVENT, percent(100), NOW).discounts(List.of(
                new PromoCode.Priced(FLOOR, "Floor", 2, 2_500, 5_000)))).containsExactly(5_000L);
    }

    @Test
    void aFixedAmountIsPerTicketNeverMoreThanItsPriceAndOnlyOnTheCodesSectionsOrTiers() {
        PromoCode code = new PromoCode(EVENT, fixed(3_000, List.of(FLOOR), List.of("VIP")), NOW);
        assertThat(code.discounts(List.of(new PromoCode.Priced(STALLS, "Stalls", 2, 4_550, 9_100),
                new PromoCode.Priced(FLOOR, "Floor", 2, 2_500, 5_000),
                new PromoCode.Priced(UUID.randomUUID(), "VIP", 1, 9_000, 9_000))))
                .containsExactly(0L, 5_000L, 3_000L);
        assertThatThrownBy(() -> code.discounts(List.of(new PromoCode.Priced(STALLS, "Stalls", 2, 4_550, 9_100))))
                .isInstanceOf(CodeNotApplicable.class).hasMessageContaining("does not apply");
    }

    @Test
    void anAccessCodeOpensOnlyItsSections() {
        PromoCode code = new PromoCode(EVENT, access(List.of(FLOOR), NOW, NOW.plusSeconds(60)), NOW);
        code.requireCovers(List.of(new PromoCode.Ticketed(FLOOR, "Floor")));
        assertThatThrownBy(() -> code.requireCovers(List.of(new PromoCode.Ticketed(STALLS, "Stalls"))))
                .isInstanceOf(CodeNotApplicable.class);
    }

    @Test
    void aRedefinitionKeepsTextAndKindAndNeverLimitsBelowTheUsesTaken() {
        PromoCode code = new PromoCode(EVENT, percent(10), NOW);
        code.redefine(new CodeSpec("Summer-10", CodeKind.DISCOUNT, 20, null, List.of(STALLS), List.of(), 5, 1,
                NOW, null), NOW.plusSeconds(1));
        assertThat(code.percentOff()).isEqualTo(20);
        assertThat(code.sectionIds()).containsExactly(STALLS);
        assertThat(code.updatedAt()).isEqualTo(NOW.plusSeconds(1));
        assertThatThrownBy(() -> code.redefine(new CodeSpec("OTHER", CodeKind.DISCOUNT, 20, null, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class);
        assertThatThrownBy(() -> code.redefine(new CodeSpec("SUMMER-10", CodeKind.ACCESS, null, null, List.of(),
                List.of(), null, null, null, null), NOW)).isInstanceOf(InvalidCode.class);
    }
}
