package org.boxoffice.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-step figures for the report's table. Gatling's own report covers the whole run; the table needs them per load
 * step (100, 1,000, ... concurrent users), so every request's time and outcome is filed under the step that was
 * running when it answered. A ramp belongs to the step it climbs to. The clock starts when the sale opens (the first
 * buyer of the on-sale scenario); the pre-sale logins before it have their own figures ({@code presale.csv}).
 */
final class StepStats {

    record Step(int users, int rampSeconds, int holdSeconds) {
    }

    private static final class Bucket {
        final List<Long> millis = new ArrayList<>();
        long errors;
        long requests;
        long holds;
        long conflicts;
        long sales;
        long ticketsSold;
        long declines;
        long cancels;
        /** 429 with Retry-After: the buyer waited and tried again (not an error). */
        long throttled;
        /** The waiting room's calls (join, poll, leave): kept apart from the admitted buyers' requests. */
        final List<Long> queueMillis = new ArrayList<>();
        long queueRequests;
        long queueErrors;
        /** Buyers let in, and how long each waited from joining. */
        final List<Long> waits = new ArrayList<>();
        /** Answers that said WAITING without a position: must stay 0. */
        long positionless;
    }

    private final List<Step> steps;
    private final Bucket[] buckets;
    private volatile long startNanos;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private final Bucket presale = new Bucket();
    private volatile long presaleFirstNanos;
    private volatile long presaleLastNanos;
    private final AtomicLong soldOutAtMillis = new AtomicLong(-1);

    StepStats(List<Step> steps) {
        this.steps = steps;
        this.buckets = new Bucket[steps.size()];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new Bucket();
        }
    }

    /** Parses {@code users:holdSeconds,...} with one ramp length for every step. */
    static StepStats parse(String spec, int rampSeconds) {
        List<Step> steps = new ArrayList<>();
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split(":");
            steps.add(new Step(Integer.parseInt(pair[0]), rampSeconds, Integer.parseInt(pair[1])));
        }
        return new StepStats(steps);
    }

    List<Step> steps() {
        return steps;
    }

    /** The sale opens: the steps' clock starts with the first call. */
    void startOnce() {
        if (started.compareAndSet(false, true)) {
            startNanos = System.nanoTime();
        }
    }

    /** Whether the sale has opened (its first journey started). */
    boolean started() {
        return started.get();
    }

    /** A pre-sale login (or its retry): {@code status} null when there was no answer. */
    void presale(long millis, Integer status, boolean ok) {
        long now = System.nanoTime();
        synchronized (presale) {
            if (presale.requests == 0) {
                presaleFirstNanos = now - millis * 1_000_000;
            }
            presaleLastNanos = now;
            presale.requests++;
            presale.millis.add(millis);
            if (status != null && status == 429) {
                presale.throttled++;
            } else if (ok) {
                presale.sales++;
            } else {
                presale.errors++;
            }
        }
    }

    /**
     * Whether the plan's last step has ended: buyers still in the queue then give up (and leave it), so the run ends
     * with its plan instead of waiting for the queue to drain at the admission rate. They are counted
     * ({@link #stillWaitingAtEnd()}), not hidden.
     */
    boolean planOver() {
        if (!started.get()) {
            return false;
        }
        long end = 0;
        for (Step step : steps) {
            end += (step.rampSeconds() + step.holdSeconds()) * 1000L;
        }
        return (System.nanoTime() - startNanos) / 1_000_000 >= end;
    }

    private final java.util.concurrent.atomic.AtomicLong stillWaiting = new java.util.concurrent.atomic.AtomicLong();

    /** A buyer still in the queue when the plan ended. */
    void stillWaitingAtEnd() {
        stillWaiting.incrementAndGet();
    }

    long stillWaitingCount() {
        return stillWaiting.get();
    }

    private Bucket current() {
        long elapsed = (System.nanoTime() - startNanos) / 1_000_000;
        long end = 0;
        for (int i = 0; i < steps.size(); i++) {
            end += (steps.get(i).rampSeconds() + steps.get(i).holdSeconds()) * 1000L;
            if (elapsed < end) {
                return buckets[i];
            }
        }
        // Users finishing their journey after the last step's end still count towards it.
        return buckets[buckets.length - 1];
    }

    /** A request of the sale; {@code ok}: one of the answers the step expects (a 429 counts as throttled). */
    void request(long millis, Integer status, boolean ok) {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.requests++;
            bucket.millis.add(millis);
            if (!ok) {
                bucket.errors++;
            } else if (status != null && status == 429) {
                bucket.throttled++;
            }
        }
    }

    /** A waiting room call; {@code ok}: an answer the queue gives (a place, a pass, no place after leaving). */
    void queueRequest(long millis, Integer status, boolean ok) {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.queueRequests++;
            bucket.queueMillis.add(millis);
            if (!ok) {
                bucket.queueErrors++;
            }
        }
    }

    /** A buyer let in after waiting {@code millis} since they joined. */
    void admitted(long millis) {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.waits.add(millis);
        }
    }

    void positionless() {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.positionless++;
        }
    }

    void hold(boolean won) {
        Bucket bucket = current();
        synchronized (bucket) {
            if (won) {
                bucket.holds++;
            } else {
                bucket.conflicts++;
            }
        }
    }

    void sale(int tickets) {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.sales++;
            bucket.ticketsSold += tickets;
        }
    }

    void decline() {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.declines++;
        }
    }

    void cancel() {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.cancels++;
        }
    }

    /** The first time a buyer saw no ticket left anywhere in the event. */
    void soldOut() {
        soldOutAtMillis.compareAndSet(-1, (System.nanoTime() - startNanos) / 1_000_000);
    }

    /** Writes {@code steps.csv} (one row per step) and {@code run.properties} into {@code dir}. */
    void write(Path dir, String profile) throws IOException {
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>();
        lines.add("users,seconds,requests,avg_ms,p95_ms,p99_ms,errors,holds,conflicts,sales,tickets,declines,cancels,"
                + "throttled,queue_requests,queue_errors,queue_p95_ms,admitted,wait_p50_ms,wait_p95_ms,wait_p99_ms,"
                + "positionless");
        for (int i = 0; i < steps.size(); i++) {
            Bucket b = buckets[i];
            synchronized (b) {
                long[] sorted = b.millis.stream().mapToLong(Long::longValue).sorted().toArray();
                long[] queue = b.queueMillis.stream().mapToLong(Long::longValue).sorted().toArray();
                long[] waits = b.waits.stream().mapToLong(Long::longValue).sorted().toArray();
                double avg = Arrays.stream(sorted).average().orElse(0);
                lines.add(String.format(Locale.ROOT, "%d,%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d",
                        steps.get(i).users(), steps.get(i).rampSeconds() + steps.get(i).holdSeconds(), b.requests, avg,
                        percentile(sorted, 0.95), percentile(sorted, 0.99), b.errors, b.holds, b.conflicts, b.sales,
                        b.ticketsSold, b.declines, b.cancels, b.throttled, b.queueRequests, b.queueErrors,
                        percentile(queue, 0.95), waits.length, percentile(waits, 0.5), percentile(waits, 0.95),
                        percentile(waits, 0.99), b.positionless));
            }
        }
        Files.write(dir.resolve("steps.csv"), lines);
        synchronized (presale) {
            long[] sorted = presale.millis.stream().mapToLong(Long::longValue).sorted().toArray();
            Files.write(dir.resolve("presale.csv"), List.of("requests,logged_in,throttled,errors,seconds,avg_ms,p95_ms,p99_ms",
                    String.format(Locale.ROOT, "%d,%d,%d,%d,%.1f,%.0f,%d,%d", presale.requests, presale.sales,
                            presale.throttled, presale.errors,
                            presale.requests == 0 ? 0 : (presaleLastNanos - presaleFirstNanos) / 1e9,
                            Arrays.stream(sorted).average().orElse(0), percentile(sorted, 0.95),
                            percentile(sorted, 0.99))));
        }
        Files.writeString(dir.resolve("run.properties"), "profile=" + profile + "\nsoldOutAtMillis=" + soldOutAtMillis.get()
                + "\nstillWaitingAtEnd=" + stillWaiting.get() + "\n");
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
