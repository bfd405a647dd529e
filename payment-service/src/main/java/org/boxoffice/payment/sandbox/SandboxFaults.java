package org.boxoffice.payment.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Faults the sandbox provider plays when an admin asks for them (docs/payments.md, "Sandbox faults"), so that a chaos
 * run or a test sees how payment-service copes with a provider that answers slowly or not at all: every charge first
 * waits {@code delay}; {@code failurePercent} of the charges fail before anything is charged, as a provider's 500
 * does; {@code lostAnswerPercent} of them are taken and then answer with an error, as a timeout loses the answer to a
 * charge the provider did make. Kept in memory by each replica; none at start.
 */
@Component
class SandboxFaults {

    private static final Logger log = LoggerFactory.getLogger(SandboxFaults.class);

    /** What the sandbox does wrong: nothing in {@link #NONE}. */
    record Setting(Duration delay, int failurePercent, int lostAnswerPercent) {

        static final Setting NONE = new Setting(Duration.ZERO, 0, 0);
    }

    /** A fault the sandbox was told to play. */
    static final class InjectedFault extends RuntimeException {
        InjectedFault(String message) {
            super(message, null, false, false);
        }
    }

    private final AtomicReference<Setting> setting = new AtomicReference<>(Setting.NONE);

    Setting current() {
        return setting.get();
    }

    void set(Setting faults) {
        setting.set(faults);
        log.warn("Sandbox faults now: every charge delayed {} ms, {} % fail before charging, {} % lose their answer",
                faults.delay().toMillis(), faults.failurePercent(), faults.lostAnswerPercent());
    }

    /** Before a charge: the delay, then maybe a failure that charges nothing. */
    void beforeCharge() {
        Setting faults = setting.get();
        if (!faults.delay().isZero()) {
            try {
                Thread.sleep(faults.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (happens(faults.failurePercent())) {
            throw new InjectedFault("sandbox answered 500 before charging (injected fault)");
        }
    }

    /** After a charge was taken and committed: maybe its answer is lost. */
    void afterCharge() {
        if (happens(setting.get().lostAnswerPercent())) {
            throw new InjectedFault("sandbox took the charge, then its answer timed out (injected fault)");
        }
    }

    private static boolean happens(int percent) {
        return percent > 0 && ThreadLocalRandom.current().nextInt(100) < percent;
    }
}
