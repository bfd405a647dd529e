package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** The event's lifecycle and price rules, kept by the Event aggregate itself. */
class EventTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final UUID STALLS = UUID.randomUUID();
    static final UUID FLOOR = UUID.randomUUID();

    static NewEvent spec(Duration hold) {
        return new NewEvent(UUID.randomUUID(), " Surge Night ", "", NOW.plus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(10)).plus(Duration.ofHours(3)), ZoneId.of("Europe/Lisbon"), NOW,
                NOW.plus(Duration.ofDays(9)), Currency.getInstance("EUR"), 4, 6, hold);
    }

    static Event draft() {
        return new Event(UUID.randomUUID(), spec(Duration.ofMinutes(10)), NOW);
    }

    static Event published() {
        Event event = draft();
        event.setTiers(List.of(new TierSpec(STALLS, "Stalls", 4_500)), Set.of(STALLS, FLOOR));
        event.publish(NOW);
        return event;
    }

    @Test
    void aNewEventIsADraftThatKeepsItsDefinitionRules() {
        Event event = draft();

        assertThat(event.status()).isEqualTo(EventStatus.DRAFT);
        assertThat(event.title()).isEqualTo("Surge Night");
        assertThat(event.refundableUntil()).isEqualTo(event.schedule().startsAt().minus(Duration.ofHours(48)));
        assertThatThrownBy(() -> new Event(UUID.randomUUID(), spec(Duration.ofSeconds(30)), NOW))
                .isInstanceOf(InvalidEvent.class).hasMessageContaining("Hold duration");
        NewEvent backwards = new NewEvent(UUID.randomUUID(), "x", "", NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(1)), ZoneId.of("UTC"), NOW, NOW.plus(Duration.ofHours(1)),
                Currency.getInstance("EUR"), 1, 1, Duration.ofMinutes(5));
        assertThatThrownBy(() -> new Event(UUID.randomUUID(), backwards, NOW)).isInstanceOf(InvalidEvent.class)
                .hasMessageContaining("end after it starts");
    }

    @Test
    void aDraftNeedsAPriceTierToBePublished() {
        Event event = draft();

        assertThatThrownBy(() -> event.publish(NOW)).isInstanceOf(EventStateConflict.class)
                .hasMessageContaining("price tier");
        assertThat(event.status()).isEqualTo(EventStatus.DRAFT);
    }

    @Test
    void movesThroughItsLifecycleAndRefusesIllegalMoves() {
        Event event = published();
        Instant later = NOW.plusSeconds(60);

        event.pauseSales(later);
        assertThat(event.status()).isEqualTo(EventStatus.SALES_PAUSED);
        assertThat(event.updatedAt()).isEqualTo(later);
        assertThatThrownBy(() -> event.pauseSales(later)).isInstanceOf(EventStateConflict.class)
                .hasMessage("A SALES_PAUSED event cannot become SALES_PAUSED.");
        assertThatThrownBy(() -> event.publish(later)).isInstanceOf(EventStateConflict.class);
        event.resumeSales(later);
        event.complete(later);
        assertThatThrownBy(() -> event.cancel(later)).isInstanceOf(EventStateConflict.class)
                .hasMessage("A COMPLETED event cannot become CANCELLED.");
        assertThat(event.status()).isEqualTo(EventStatus.COMPLETED);
    }

    @Test
    void sellsOnlyWhilePublishedAndInsideTheSaleWindow() {
        Event event = published();

        event.requireOnSale(NOW);
        assertThatThrownBy(() -> event.requireOnSale(event.schedule().offSaleAt())).isInstanceOf(SaleNotOpen.class);
        event.pauseSales(NOW);
        assertThatThrownBy(() -> event.requireOnSale(NOW)).isInstanceOf(SaleNotOpen.class)
                .hasMessageContaining("paused");
    }

    @Test
    void replacesTiersKeepingTheRowOfASectionThatStaysPriced() {
        Event event = draft();
        event.setTiers(List.of(new TierSpec(STALLS, "Stalls", 4_500), new TierSpec(FLOOR, "Floor", 2_500)),
                Set.of(STALLS, FLOOR));
        PriceTier stalls = event.tiers().getFirst();

        event.setTiers(List.of(new TierSpec(STALLS, " Stalls VIP ", 9_000)), Set.of(STALLS, FLOOR));

        assertThat(event.tiers()).containsExactly(stalls);
        assertThat(event.tiers()).extracting(PriceTier::name, PriceTier::amountMinor, PriceTier::currency)
                .containsExactly(tuple("Stalls VIP", 9_000L, Currency.getInstance("EUR")));
    }

    @Test
    void refusesTiersForOtherSectionsTwiceForOneSectionOrOncePublished() {
        Event event = draft();

        assertThatThrownBy(() -> event.setTiers(List.of(new TierSpec(UUID.randomUUID(), "X", 1)), Set.of(STALLS)))
                .isInstanceOf(InvalidEvent.class).hasMessageContaining("not part of the event's venue");
        assertThatThrownBy(() -> event.setTiers(List.of(new TierSpec(STALLS, "A", 1), new TierSpec(STALLS, "B", 2)),
                Set.of(STALLS))).isInstanceOf(InvalidEvent.class).hasMessageContaining("more than one tier");
        assertThat(event.tiers()).isEmpty();
        Event live = published();
        assertThatThrownBy(() -> live.setTiers(List.of(new TierSpec(FLOOR, "Floor", 1)), Set.of(STALLS, FLOOR)))
                .isInstanceOf(EventStateConflict.class).hasMessageContaining("fixed");
    }
}
