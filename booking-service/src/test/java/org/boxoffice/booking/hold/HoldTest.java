package org.boxoffice.booking.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hold decides whether it may end, and how; the status guard in SQL applies what it decided. */
class HoldTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final UUID BUYER = UUID.randomUUID();
    static final UUID SECTION = UUID.randomUUID();

    static Hold active() {
        return Hold.place(UUID.randomUUID(), UUID.randomUUID(), new Hold.Buyer(BUYER, "buyer@test.boxoffice.dev"),
                List.of(new HoldItem(SECTION, UUID.randomUUID(), 1), new HoldItem(SECTION, null, 2)), NOW,
                Duration.ofMinutes(10));
    }

    static Hold ended(HoldStatus status) {
        Hold hold = active();
        return new Hold(hold.id(), hold.eventId(), hold.buyerId(), hold.buyerEmail(), status, hold.quantity(),
                hold.createdAt(), hold.expiresAt(), NOW.plusSeconds(30), hold.items());
    }

    @Test
    void isPlacedActiveForItsDurationWithTheTicketsOfItsItems() {
        Hold hold = active();

        assertThat(hold.status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(hold.quantity()).isEqualTo(3);
        assertThat(hold.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(hold.heldBy(BUYER)).isTrue();
        assertThat(hold.heldBy(UUID.randomUUID())).isFalse();
        assertThat(hold.remaining(NOW.plusSeconds(60))).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void refusesToBePlacedEmptyOrForNoTime() {
        Hold.Buyer buyer = new Hold.Buyer(BUYER, "buyer@test.boxoffice.dev");
        assertThatThrownBy(() -> Hold.place(UUID.randomUUID(), UUID.randomUUID(), buyer, List.of(), NOW,
                Duration.ofMinutes(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hold.place(UUID.randomUUID(), UUID.randomUUID(), buyer,
                List.of(new HoldItem(SECTION, null, 1)), NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anActiveHoldChecksOutOnce() {
        Hold hold = active();

        HoldEnding ending = hold.checkOut(NOW.plusSeconds(60));

        assertThat(ending).isEqualTo(new HoldEnding(hold.id(), HoldStatus.CHECKED_OUT, NOW.plusSeconds(60)));
        assertThat(ending.onlyIfExpired()).isFalse();
        Hold checkedOut = ended(HoldStatus.CHECKED_OUT);
        assertThatThrownBy(() -> checkedOut.checkOut(NOW.plusSeconds(60))).isInstanceOf(HoldNotActive.class);
    }

    @Test
    void aHoldPastItsExpiryIsNotCheckedOutEvenBeforeTheSweeperRan() {
        Hold hold = active();

        assertThat(hold.effectiveStatus(hold.expiresAt())).isEqualTo(HoldStatus.EXPIRED);
        assertThatThrownBy(() -> hold.checkOut(hold.expiresAt())).isInstanceOf(HoldExpired.class);
        assertThatThrownBy(() -> ended(HoldStatus.EXPIRED).checkOut(NOW)).isInstanceOf(HoldExpired.class);
        assertThatThrownBy(() -> ended(HoldStatus.RELEASED).checkOut(NOW)).isInstanceOf(HoldNotActive.class);
    }

    @Test
    void theBuyerOrAnOrganizerReleasesAnActiveHold() {
        Hold hold = active();

        assertThat(hold.release(ReleaseReason.BUYER, NOW)).isEqualTo(
                new HoldEnding(hold.id(), HoldStatus.RELEASED, NOW));
        assertThat(hold.release(ReleaseReason.ORGANIZER, NOW).to()).isEqualTo(HoldStatus.RELEASED);
    }

    @Test
    void refusesToReleaseAHoldThatEndedOrExpiredAndLeavesExpiryToTheSweeper() {
        Hold hold = active();

        assertThatThrownBy(() -> hold.release(ReleaseReason.BUYER, hold.expiresAt()))
                .isInstanceOf(HoldNotActive.class).hasMessageContaining("EXPIRED");
        assertThatThrownBy(() -> ended(HoldStatus.CHECKED_OUT).release(ReleaseReason.ORGANIZER, NOW))
                .isInstanceOf(HoldNotActive.class).hasMessageContaining("CHECKED_OUT");
        assertThatThrownBy(() -> hold.release(ReleaseReason.EXPIRED, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExpiryEndsOnlyAHoldPastItsExpiryAndAReleaseEndsItReleased() {
        UUID holdId = UUID.randomUUID();

        assertThat(HoldEnding.of(holdId, ReleaseReason.EXPIRED, NOW).onlyIfExpired()).isTrue();
        assertThat(HoldEnding.of(holdId, ReleaseReason.EXPIRED, NOW).to()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(HoldEnding.of(holdId, ReleaseReason.BUYER, NOW).to()).isEqualTo(HoldStatus.RELEASED);
        assertThat(HoldEnding.of(holdId, ReleaseReason.ORGANIZER, NOW).onlyIfExpired()).isFalse();
        assertThatThrownBy(() -> new HoldEnding(holdId, HoldStatus.ACTIVE, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimsItsItemsForItsBuyerUnderItsId() {
        Hold hold = active();

        assertThat(hold.claim().holdId()).isEqualTo(hold.id());
        assertThat(hold.claim().buyerId()).isEqualTo(BUYER);
        assertThat(hold.claim().eventId()).isEqualTo(hold.eventId());
        assertThat(hold.claim().items()).containsExactly(Allotment.seat(SECTION, hold.items().get(0).seatId()),
                Allotment.area(SECTION, 2));
        assertThat(hold.claim().tickets()).isEqualTo(hold.quantity());
    }
}
