package org.boxoffice.gateway.waitingroom;

import java.time.Duration;

import org.boxoffice.gateway.waitingroom.AdmissionRate.Decision;
import org.boxoffice.gateway.waitingroom.AdmissionRate.Health;
import org.boxoffice.gateway.waitingroom.AdmissionRate.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionRateTest {

    private static final WaitingRoomProperties.Auto AUTO = new WaitingRoomProperties.Auto(Duration.ofSeconds(5), 30,
            0.7, Duration.ofMillis(500), 0.05, Duration.ofMillis(250), 0.05, 0.01, 256, 20, java.util.List.of("booking-service"));
    private static final Health HEALTHY = new Health(1_000, 2, 40, 100, 3, 40);

    @Test
    void climbsByAStepWhileThePlatformIsHealthyAndBuyersWait() {
        assertThat(AdmissionRate.next(300, 60, 1_200, HEALTHY, true, AUTO)).isEqualTo(new Decision(330, Verdict.INCREASED));
    }

    @Test
    void neverClimbsPastTheOrganizersHighestRate() {
        assertThat(AdmissionRate.next(1_190, 60, 1_200, HEALTHY, true, AUTO)).isEqualTo(new Decision(1_200, Verdict.INCREASED));
        assertThat(AdmissionRate.next(1_200, 60, 1_200, HEALTHY, true, AUTO)).isEqualTo(new Decision(1_200, Verdict.HELD));
    }

    @Test
    void holdsTheRateWhenNobodyWaits() {
        assertThat(AdmissionRate.next(300, 60, 1_200, HEALTHY, false, AUTO)).isEqualTo(new Decision(300, Verdict.HELD));
    }

    @Test
    void cutsTheRateByAFactorWhenRequestsFail() {
        Health failing = new Health(1_000, 11, 0, 100, 0, 40);

        assertThat(AdmissionRate.next(300, 60, 1_200, failing, true, AUTO)).isEqualTo(new Decision(210, Verdict.OVERLOADED));
    }

    @Test
    void cutsTheRateWhenHoldsAreSlowerThanTheTarget() {
        Health slow = new Health(1_000, 0, 6, 100, 6, 40);

        assertThat(AdmissionRate.next(300, 60, 1_200, slow, true, AUTO).verdict()).isEqualTo(Verdict.OVERLOADED);
    }

    @Test
    void cutsTheRateWhenMoreThanTheShareOfAllRequestsIsSlowerThanTheTarget() {
        // Holds are fast, but 6 % of the purchase's requests (pages, checkouts, payments) waited past 250 ms: what an
        // admitted buyer sees is slow, so fewer buyers are let in.
        Health slowPages = new Health(1_000, 0, 60, 100, 0, 40);
        Health withinTarget = new Health(1_000, 0, 50, 100, 0, 40);

        assertThat(AdmissionRate.next(300, 60, 1_200, slowPages, true, AUTO)).isEqualTo(new Decision(210, Verdict.OVERLOADED));
        assertThat(AdmissionRate.next(300, 60, 1_200, withinTarget, true, AUTO).verdict()).isEqualTo(Verdict.INCREASED);
    }

    @Test
    void cutsTheRateWhenTooManyRequestsAreInProgress() {
        Health crowded = new Health(1_000, 0, 0, 100, 0, 257);

        assertThat(AdmissionRate.next(300, 60, 1_200, crowded, true, AUTO).verdict()).isEqualTo(Verdict.OVERLOADED);
    }

    @Test
    void neverCutsBelowTheOrganizersLowestRate() {
        Health failing = new Health(1_000, 500, 0, 100, 100, 40);

        assertThat(AdmissionRate.next(70, 60, 1_200, failing, true, AUTO)).isEqualTo(new Decision(60, Verdict.OVERLOADED));
    }

    @Test
    void ignoresShareOfFailuresInTooSmallASample() {
        Health quiet = new Health(10, 5, 10, 5, 5, 1);

        assertThat(AdmissionRate.next(300, 60, 1_200, quiet, true, AUTO).verdict()).isEqualTo(Verdict.INCREASED);
    }
}
