package org.boxoffice.booking.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.boxoffice.booking.BookingApplication;
import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Holds per second and latency percentiles of {@link HoldService#hold}, the full path (pre-check, Redisson
 * multi-lock, fence transaction, cache write-through) without HTTP, on the machine's Postgres and Redis.
 *
 * <ul>
 *   <li>uncontended: every request wants two seats nobody else wants;</li>
 *   <li>contended: 64 buyers at a time fight over the same 20 seats, pair by pair, until every seat is gone, over
 *   and over on fresh events (a win or a "seats unavailable" both count as an answered request).</li>
 * </ul>
 * Run: see docs/booking.md "Benchmark".
 */
public final class HoldBenchmark {

    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(BookingApplication.class);
        application.addInitializers(new InfrastructureInitializer());
        application.setDefaultProperties(java.util.Map.of("server.port", "0", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = application.run()) {
            HoldService holds = context.getBean(HoldService.class);
            BookingFixture fixture = new BookingFixture(context.getBean(VenueService.class),
                    context.getBean(EventService.class));
            uncontended(holds, fixture, 500);
            report("uncontended (warm-up discarded)", uncontended(holds, fixture, 4_000));
            contended(holds, fixture, 20);
            report("contended", contended(holds, fixture, 200));
        }
        System.exit(0);
    }

    private static Result uncontended(HoldService holds, BookingFixture fixture, int requests) throws Exception {
        OnSale sale = fixture.onSale(requests * 2 / 50 + 1, 50, 10, 2, 2);
        return measure(64, requests, i -> holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev",
                new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(i * 2, 2))));
    }

    private static Result contended(HoldService holds, BookingFixture fixture, int rounds) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            OnSale sale = fixture.onSale(1, 20, 10, 2, 2);
            results.add(measure(64, 64, i -> holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev",
                    new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds((i * 2) % 19, 2)))));
        }
        return Result.merge(results);
    }

    interface Request {
        void run(int index);
    }

    record Result(long[] nanos, long wallNanos, int wins) {
        static Result merge(List<Result> results) {
            long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.nanos())).toArray();
            return new Result(all, results.stream().mapToLong(Result::wallNanos).sum(),
                    results.stream().mapToInt(Result::wins).sum());
        }
    }

    static Result measure(int concurrency, int requests, Request request) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger wins = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(executor.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        try {
                            request.run(i);
                            wins.incrementAndGet();
                        } catch (RuntimeException rejected) {
                            // a rejected hold is an answered request too
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return new Result(nanos, System.nanoTime() - start, wins.get());
    }

    static void report(String name, Result result) {
        long[] sorted = result.nanos().clone();
        Arrays.sort(sorted);
        double seconds = result.wallNanos() / 1e9;
        System.out.printf("%s: %d requests (%d holds won) in %.2f s = %.0f requests/s; p50 %.1f ms, p99 %.1f ms%n",
                name, sorted.length, result.wins(), seconds, sorted.length / seconds,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
