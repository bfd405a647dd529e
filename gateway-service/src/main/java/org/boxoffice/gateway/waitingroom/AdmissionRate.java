package org.boxoffice.gateway.waitingroom;

/**
 * The AUTO mode's controller: additive increase while the platform is healthy and buyers are waiting,
 * multiplicative decrease as soon as it is not — the rule TCP uses to find a link's capacity without knowing it.
 */
final class AdmissionRate {

    /** What the gateway saw of the platform over one interval. */
    record Health(long requests, long failures, long slowRequests, long holds, long slowHolds, int maxInFlight) {
    }

    /** Why the rate changed (or did not): the label of the adjustment metric. */
    enum Verdict { OVERLOADED, INCREASED, HELD }

    record Decision(int ratePerMinute, Verdict verdict) {
    }

    private AdmissionRate() {
    }

    static Decision next(int rate, int min, int max, Health health, boolean buyersWaiting,
            WaitingRoomProperties.Auto auto) {
        boolean failing = health.requests() >= auto.minSample()
                && health.failures() > auto.maxErrorShare() * health.requests();
        boolean slow = health.requests() >= auto.minSample()
                && health.slowRequests() > auto.maxSlowRequestShare() * health.requests();
        boolean slowHolds = health.holds() >= auto.minSample()
                && health.slowHolds() > auto.maxSlowHoldShare() * health.holds();
        boolean crowded = health.maxInFlight() > auto.maxInFlight();
        if (failing || slow || slowHolds || crowded) {
            return new Decision(clamp((int) Math.floor(rate * auto.decreaseFactor()), min, max), Verdict.OVERLOADED);
        }
        if (buyersWaiting) {
            int next = clamp(rate + auto.increasePerMinute(), min, max);
            return new Decision(next, next > rate ? Verdict.INCREASED : Verdict.HELD);
        }
        return new Decision(clamp(rate, min, max), Verdict.HELD);
    }

    private static int clamp(int rate, int min, int max) {
        return Math.max(min, Math.min(max, rate));
    }
}
