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
 * running when it answered. A ramp belongs to the step it climbs to.
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
    }

    private final List<Step> steps;
    private final Bucket[] buckets;
    private volatile long startNanos;
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

    void start() {
        startNanos = System.nanoTime();
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

    void request(long millis, boolean ok) {
        Bucket bucket = current();
        synchronized (bucket) {
            bucket.requests++;
            bucket.millis.add(millis);
            if (!ok) {
                bucket.errors++;
            }
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
        lines.add("users,seconds,requests,avg_ms,p95_ms,p99_ms,errors,holds,conflicts,sales,tickets,declines,cancels");
        for (int i = 0; i < steps.size(); i++) {
            Bucket b = buckets[i];
            synchronized (b) {
                long[] sorted = b.millis.stream().mapToLong(Long::longValue).sorted().toArray();
                double avg = Arrays.stream(sorted).average().orElse(0);
                lines.add(String.format(Locale.ROOT, "%d,%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%d,%d,%d", steps.get(i).users(),
                        steps.get(i).rampSeconds() + steps.get(i).holdSeconds(), b.requests, avg,
                        percentile(sorted, 0.95), percentile(sorted, 0.99), b.errors, b.holds, b.conflicts, b.sales,
                        b.ticketsSold, b.declines, b.cancels));
            }
        }
        Files.write(dir.resolve("steps.csv"), lines);
        Files.writeString(dir.resolve("run.properties"), "profile=" + profile + "\nsoldOutAtMillis=" + soldOutAtMillis.get()
                + "\n");
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    }
}
