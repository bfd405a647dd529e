package org.boxoffice.platform.scaling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A day of on-sales replayed second by second against one service's fleet (booking-service, the hold path), once with
 * the HPA alone and once with the pre-scaler's {@link ScalingPlan} setting its minimum. No cluster: a fluid model of
 * requests, replicas and the HPA, with the platform's measured numbers (docs/operations.md, "Pre-scaling for scheduled
 * on-sales", says where each comes from).
 */
final class PreScalingSimulation {

    /** One replica serves about 200-250 requests/s (docs/performance.md, surge section): the middle. */
    static final double REQUESTS_PER_REPLICA = 225;
    /** 1,000 buyers with 0.5-3 s think times offer about twice 225 requests/s (docs/performance.md). */
    static final double REQUESTS_PER_BUYER = 0.45;
    /** booking-service, plain JVM, 30.7 s and 32.6 s (docs/operations.md, Images and startup time). */
    static final int STARTUP_SECONDS = 32;
    /** 139 ms average at 100 buyers, below capacity (docs/performance.md). */
    static final double BASE_LATENCY_MS = 139;
    /** A request waits at most this long for a place, then gets 503 service-busy (boxoffice.http.max-queue-wait). */
    static final double MAX_QUEUE_WAIT_SECONDS = 1;
    static final int HPA_PERIOD = 15;
    /** The request-rate metric: rate over 1 m scraped every 15-30 s, i.e. about half a minute late on average. */
    static final int METRIC_LAG = 30;
    static final double TARGET_UTILIZATION = 0.6;
    static final int SCALE_IN_STABILIZATION = 300;
    static final double QUIET_REQUESTS = 40;
    static final double ARRIVAL_MEAN_SECONDS = 45;
    static final int SESSION_SECONDS = 180;
    static final ScaleTarget BOOKING = new ScaleTarget("booking-service-blue", 3, 30, 500);

    record Result(double requests, double refused, double p50Ms, double p99Ms, double replicaHours,
            int readyAtOpen) {

        double errorPercent() {
            return requests == 0 ? 0 : 100 * refused / requests;
        }
    }

    private final Instant dayStart;
    private final List<OnSale> onSales;
    private final double[] offered;

    PreScalingSimulation(Instant dayStart, List<OnSale> onSales) {
        this.dayStart = dayStart;
        this.onSales = onSales;
        this.offered = offeredLoad();
    }

    /** Requests per second offered over the day: quiet traffic plus each on-sale's buyers, arriving then browsing. */
    private double[] offeredLoad() {
        double[] load = new double[86_400];
        java.util.Arrays.fill(load, QUIET_REQUESTS);
        for (OnSale sale : onSales) {
            int opens = (int) Duration.between(dayStart, sale.opensAt()).toSeconds();
            double[] arriving = new double[load.length];
            for (int t = opens; t < load.length && t < opens + 1_800; t++) {
                arriving[t] = sale.expectedBuyers() / ARRIVAL_MEAN_SECONDS * Math.exp(-(t - opens) / ARRIVAL_MEAN_SECONDS);
            }
            double active = 0;
            for (int t = opens; t < load.length && t < opens + 1_800 + SESSION_SECONDS; t++) {
                active += arriving[t] - (t - SESSION_SECONDS >= opens ? arriving[t - SESSION_SECONDS] : 0);
                load[t] += active * REQUESTS_PER_BUYER;
            }
        }
        return load;
    }

    /** Runs the day; with a plan the fleet's minimum follows it (lead and hold as the pre-scaler's defaults). */
    Result run(boolean preScaled, Duration lead, Duration hold, int fromSecond, int toSecond) {
        int desired = BOOKING.baseMinReplicas();
        int ready = desired;
        int[] pendingReady = new int[86_400 + STARTUP_SECONDS + 1];
        List<int[]> recentDesires = new ArrayList<>();
        double backlog = 0;
        double requests = 0;
        double refused = 0;
        double replicaSeconds = 0;
        List<double[]> latencies = new ArrayList<>();
        int readyAtOpen = -1;
        for (int t = 0; t < offered.length; t++) {
            ready += pendingReady[t];
            if (t % HPA_PERIOD == 0) {
                int floor = preScaled ? ScalingPlan.at(dayStart.plusSeconds(t), onSales, List.of(BOOKING), lead, hold)
                        .decisions().getFirst().minReplicas() : BOOKING.baseMinReplicas();
                double metric = average(t - METRIC_LAG - 30, t - METRIC_LAG) / (Math.max(ready, 1) * REQUESTS_PER_REPLICA);
                int wanted = (int) Math.ceil(ready * metric / TARGET_UTILIZATION);
                recentDesires.add(new int[] { t, wanted });
                int oldest = t - SCALE_IN_STABILIZATION;
                recentDesires.removeIf(d -> d[0] < oldest);
                int stabilized = recentDesires.stream().mapToInt(d -> d[1]).max().orElse(wanted);
                int next = Math.min(Math.max(stabilized, floor), BOOKING.maxReplicas());
                next = Math.min(next, Math.max(desired * 2, desired + 4));
                if (next < desired) {
                    // Slow in: at most 10 % of the pods a minute, never below the floor.
                    next = t % 60 == 0 ? Math.max(next, desired - (int) Math.ceil(desired * 0.1)) : desired;
                }
                if (desired < floor) {
                    // Below its minimum the HPA goes straight to it, without the scale-up policy's limit.
                    next = Math.max(next, floor);
                }
                if (next > desired) {
                    pendingReady[t + STARTUP_SECONDS] += next - desired;
                } else if (next < desired) {
                    int removed = desired - next;
                    for (int s = pendingReady.length - 1; s > t && removed > 0; s--) {
                        int cancelled = Math.min(pendingReady[s], removed);
                        pendingReady[s] -= cancelled;
                        removed -= cancelled;
                    }
                    ready -= removed;
                }
                desired = next;
            }
            double capacity = ready * REQUESTS_PER_REPLICA;
            double waitSeconds = capacity == 0 ? MAX_QUEUE_WAIT_SECONDS : backlog / capacity;
            double backlogBefore = backlog;
            double total = backlog + offered[t];
            double served = Math.min(total, capacity);
            double left = total - served;
            double shed = Math.max(0, left - capacity * MAX_QUEUE_WAIT_SECONDS);
            backlog = left - shed;
            if (t >= fromSecond && t < toSecond) {
                requests += offered[t];
                refused += shed;
                replicaSeconds += desired;
                // First in, first served: the backlog (which waited up to a second) goes first, then this
                // second's arrivals, which wait for the backlog ahead of them to drain.
                double fromBacklog = Math.min(backlogBefore, served);
                double drain = capacity == 0 ? MAX_QUEUE_WAIT_SECONDS : fromBacklog / capacity;
                latencies.add(new double[] { BASE_LATENCY_MS + 1000 * Math.min(waitSeconds, MAX_QUEUE_WAIT_SECONDS),
                        fromBacklog });
                latencies.add(new double[] { BASE_LATENCY_MS + 1000 * drain, served - fromBacklog });
                if (readyAtOpen < 0) {
                    readyAtOpen = ready;
                }
            }
        }
        return new Result(requests, refused, percentile(latencies, 0.5), percentile(latencies, 0.99),
                replicaSeconds / 3600, readyAtOpen);
    }

    private double average(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int t = Math.max(from, 0); t < Math.max(to, 0); t++) {
            sum += offered[t];
            n++;
        }
        return n == 0 ? QUIET_REQUESTS : sum / n;
    }

    private static double percentile(List<double[]> weighted, double q) {
        List<double[]> sorted = new ArrayList<>(weighted);
        sorted.sort((a, b) -> Double.compare(a[0], b[0]));
        double total = sorted.stream().mapToDouble(w -> w[1]).sum();
        double seen = 0;
        for (double[] w : sorted) {
            seen += w[1];
            if (seen >= q * total) {
                return w[0];
            }
        }
        return sorted.isEmpty() ? 0 : sorted.getLast()[0];
    }

    /** The table of docs/operations.md: per on-sale, its first ten minutes, without and with pre-scaling. */
    String table(Duration lead, Duration hold) {
        StringBuilder out = new StringBuilder();
        out.append("| on-sale (UTC) | buyers | HPA only: errors % | p50 ms | p99 ms | ready at open | pre-scaled: errors % "
                + "| p50 ms | p99 ms | ready at open |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (OnSale sale : onSales) {
            int opens = (int) Duration.between(dayStart, sale.opensAt()).toSeconds();
            Result reactive = run(false, lead, hold, opens, opens + 600);
            Result planned = run(true, lead, hold, opens, opens + 600);
            out.append(String.format(Locale.ROOT, "| %s %s | %,d | %.1f | %.0f | %.0f | %d | %.1f | %.0f | %.0f | %d |%n",
                    sale.id(), sale.opensAt().toString().substring(11, 16), sale.expectedBuyers(),
                    reactive.errorPercent(), reactive.p50Ms(), reactive.p99Ms(), reactive.readyAtOpen(),
                    planned.errorPercent(), planned.p50Ms(), planned.p99Ms(), planned.readyAtOpen()));
        }
        Result reactiveDay = run(false, lead, hold, 0, 86_400);
        Result plannedDay = run(true, lead, hold, 0, 86_400);
        out.append(String.format(Locale.ROOT, "| whole day | | %.2f | %.0f | %.0f | %.0f replica-h | %.2f | %.0f | %.0f | %.0f replica-h |%n",
                reactiveDay.errorPercent(), reactiveDay.p50Ms(), reactiveDay.p99Ms(), reactiveDay.replicaHours(),
                plannedDay.errorPercent(), plannedDay.p50Ms(), plannedDay.p99Ms(), plannedDay.replicaHours()));
        return out.toString();
    }
}
