package org.boxoffice.platform.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service with side-effecting POSTs whose runs are counted: a charge, one that fails with a 5xx the first time, a
 * card payment, a login that answers a token marked no-store, and one on a path excluded from idempotency.
 */
@SpringBootApplication
class IdempotencyTestApplication {

    /** Runs of the work per {@code reference} in the body: what a retry must not repeat. */
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    record Charge(String reference, long amountMinor, long workMillis) {
    }

    record Charged(UUID id, String reference, long amountMinor, int run) {
    }

    record Card(String number, String cvc) {
    }

    record Payment(String reference, long amountMinor, Card card) {
    }

    record Login(String reference, String password) {
    }

    record Session(String accessToken, int run) {
    }

    @RestController
    static class ChargeController {

        @PostMapping("/api/v1/test/charges")
        ResponseEntity<Charged> charge(@RequestBody Charge charge) {
            int run = RUNS.computeIfAbsent(charge.reference(), r -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(charge.workMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Charged charged = new Charged(UUID.randomUUID(), charge.reference(), charge.amountMinor(), run);
            return ResponseEntity.created(URI.create("/api/v1/test/charges/" + charged.id())).body(charged);
        }

        /** Fails with 503 on its first run for a reference, succeeds afterwards. */
        @PostMapping("/api/v1/test/flaky-charges")
        ResponseEntity<Charged> flaky(@RequestBody Charge charge) {
            int run = RUNS.computeIfAbsent(charge.reference(), r -> new AtomicInteger()).incrementAndGet();
            if (run == 1) {
                return ResponseEntity.status(503).build();
            }
            return ResponseEntity.status(201).body(new Charged(UUID.randomUUID(), charge.reference(),
                    charge.amountMinor(), run));
        }

        @PostMapping("/api/v1/test/payments")
        ResponseEntity<Charged> pay(@RequestBody Payment payment) {
            int run = RUNS.computeIfAbsent(payment.reference(), r -> new AtomicInteger()).incrementAndGet();
            return ResponseEntity.status(201).body(new Charged(UUID.randomUUID(), payment.reference(),
                    payment.amountMinor(), run));
        }

        /** Answers a secret for the caller only, as a login does. */
        @PostMapping("/api/v1/test/sessions")
        ResponseEntity<Session> login(@RequestBody Login login) {
            int run = RUNS.computeIfAbsent(login.reference(), r -> new AtomicInteger()).incrementAndGet();
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new Session("token-" + UUID.randomUUID(), run));
        }

        @PostMapping("/api/v1/test/excluded/charges")
        ResponseEntity<Charged> excluded(@RequestBody Charge charge) {
            return charge(charge);
        }
    }
}
