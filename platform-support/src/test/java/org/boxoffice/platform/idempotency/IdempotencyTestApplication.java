package org.boxoffice.platform.idempotency;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A service with one side-effecting POST whose runs are counted, and one that fails with a 5xx the first time. */
@SpringBootApplication
class IdempotencyTestApplication {

    /** Runs of the work per {@code reference} in the body: what a retry must not repeat. */
    static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

    record Charge(String reference, long amountMinor, long workMillis) {
    }

    record Charged(UUID id, String reference, long amountMinor, int run) {
    }

    @RestController
    static class ChargeController {

        @PostMapping("/api/v1/test/charges")
        ResponseEntity<Charged> charge(@RequestBody Charge charge) throws InterruptedException {
            int run = RUNS.computeIfAbsent(charge.reference(), r -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(charge.workMillis());
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
    }
}
