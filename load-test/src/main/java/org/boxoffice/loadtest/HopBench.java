package org.boxoffice.loadtest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.boxoffice.client.booking.model.SeatAvailability;
import org.boxoffice.client.booking.model.WaitingRoomRequest;

/**
 * The per-hop benchmark: the same requests, with the same tokens, straight to the service and through the gateway,
 * in one run on one machine, first at a fixed concurrency (closed model: as fast as the hop answers), then at a fixed
 * arrival rate (open model: latency measured from when each request was due, so a slow hop cannot hide its queue).
 * For every case it writes the rate, the latency percentiles, the answers that were not the expected status, and the
 * CPU seconds each process spent per request (from {@code /proc/<pid>/stat}): the gateway, the service behind it,
 * PostgreSQL, Redis and the load generator itself.
 *
 * <p>Holds take inventory, so each hold case gets a fresh on-sale event on a large venue; buyers rotate over a pool
 * so that no buyer's allowance row (which serializes one buyer's holds) is what the case measures.
 *
 * <p>"GET queue place" is a buyer polling their place in a waiting room (every buyer of the pool waits in the paused
 * queue of an event): the gateway answers it alone, so it has no direct hop and no ratio, only the gateway's cost.
 *
 * <p>Settings (system properties): {@code out} (report directory), {@code seconds} (measured per case),
 * {@code warmup} (seconds before measuring), {@code concurrency}, {@code openShare} (open-model rate as a share of
 * the direct closed-model rate), {@code buyers}, {@code rows}/{@code seatsPerRow} (the seated section),
 * {@code cases} (comma-separated subset), {@code gateway}, {@code booking}, {@code users} (base URLs).
 */
public final class HopBench {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final Api api;
    private final Map<String, String> targets;
    private final int seconds;
    private final int warmup;
    private final int concurrency;
    private final double openShare;
    private final List<String> tokens;
    private final Api.Venue venue;
    private final String browseEvent;
    /** Each buyer's current refresh token, for the refresh case: taken for a request, put back rotated. */
    private final BlockingQueue<Map.Entry<String, String>> sessions = new LinkedBlockingQueue<>();

    private HopBench(Api api, Map<String, String> targets, int seconds, int warmup, int concurrency, double openShare,
            List<String> tokens, Api.Venue venue, String browseEvent) {
        this.api = api;
        this.targets = targets;
        this.seconds = seconds;
        this.warmup = warmup;
        this.concurrency = concurrency;
        this.openShare = openShare;
        this.tokens = tokens;
        this.venue = venue;
        this.browseEvent = browseEvent;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(System.getProperty("out", "load-test/target/per-hop"));
        int buyers = Integer.getInteger("buyers", 64);
        Map<String, String> targets = Map.of("gateway", System.getProperty("gateway", "http://127.0.0.1:8080"),
                "booking-service", System.getProperty("booking", "http://127.0.0.1:8082"),
                "user-service", System.getProperty("users", "http://127.0.0.1:8081"));
        Api api = Api.fromEnvironment();
        api.loginAsOrganizer();
        System.out.println("per-hop: seeding a venue and " + buyers + " buyers");
        Api.Venue venue = api.venue("Per-hop Hall", 1, Integer.getInteger("rows", 150),
                Integer.getInteger("seatsPerRow", 100), 1, 200_000);
        String browseEvent = api.onSaleEvent(venue, "Per-hop browsing");
        Seed.registerBuyers(api, "hop-buyer-", buyers);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            tokens.add(api.login("hop-buyer-" + i + "@load.boxoffice.dev", Seed.BUYER_PASSWORD));
        }
        Files.createDirectories(out);
        double pgbench = Boolean.getBoolean("pgbench") ? pgbench(browseEvent, out) : 0;
        HopBench bench = new HopBench(api, targets, Integer.getInteger("seconds", 15), Integer.getInteger("warmup", 5),
                Integer.getInteger("concurrency", 16), Double.parseDouble(System.getProperty("openShare", "0.6")),
                tokens, venue, browseEvent);
        List<String> only = Arrays.stream(System.getProperty("cases", "").split(",")).filter(s -> !s.isBlank()).toList();
        List<Row> rows = new ArrayList<>();
        for (Case c : bench.cases()) {
            if (!only.isEmpty() && !only.contains(c.name())) {
                continue;
            }
            if (c.service().equals("gateway")) {
                Row gateway = bench.closed(c, "gateway");
                rows.addAll(List.of(gateway, bench.open(c, "gateway", Math.max(1, gateway.rate() * bench.openShare))));
            } else {
                Row direct = bench.closed(c, c.service());
                Row gateway = bench.closed(c, "gateway");
                double rate = Math.max(1, direct.rate() * bench.openShare);
                Row directOpen = bench.open(c, c.service(), rate);
                Row gatewayOpen = bench.open(c, "gateway", rate);
                rows.addAll(List.of(direct, gateway, directOpen, gatewayOpen));
            }
            Files.writeString(out.resolve("report.md"), bench.report(rows, pgbench));
        }
        String report = bench.report(rows, pgbench);
        Files.writeString(out.resolve("report.md"), report);
        System.out.println(report);
        if (Boolean.getBoolean("strict")) {
            List<String> failed = rows.stream().filter(row -> row.ok() == 0
                    || row.others().keySet().stream().anyMatch(status -> status == 0 || status >= 500))
                    .map(row -> row.caseName() + " via " + row.hop() + " (" + row.model() + "): " + row.ok()
                            + " expected answers, others " + row.others())
                    .toList();
            if (!failed.isEmpty()) {
                System.out.println("per-hop: FAILED\n  " + String.join("\n  ", failed));
                System.exit(1);
            }
        }
    }

    /** The database's own rate for the hold path's SQL (load-test/pgbench-hold-path.sh) on the event's seats. */
    private static double pgbench(String eventId, Path out) throws Exception {
        Files.createDirectories(out);
        Path file = out.resolve("pgbench.txt");
        System.out.println("per-hop: pgbench on the hold path's SQL (hardware reference)");
        Process process = new ProcessBuilder("bash", "load-test/pgbench-hold-path.sh", eventId, file.toString())
                .inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench-hold-path.sh failed (exit " + process.exitValue() + ")");
        }
        return Files.readAllLines(file).stream().filter(line -> line.startsWith("tps = ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(6).split(" ")[0]))
                .orElseThrow(() -> new IllegalStateException("no tps line in " + file));
    }

    /** One kind of request: which service answers it and how to send the i-th request to a base URL. */
    private record Case(String name, String service, int expected, Exchange exchange) {
        Case(String name, String service, int expected, Request request) {
            this(name, service, expected, (http, base, i) -> http.send(request.build(base, i)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
    }

    /** Sends the i-th request of a case and answers its status. */
    private interface Exchange {
        int send(HttpClient http, String base, int i) throws Exception;
    }

    /** The i-th request of a case against a base URL. */
    private interface Request {
        HttpRequest.Builder build(String base, int i);
    }

    private List<Case> cases() throws Exception {
        String ga = venue.gaSections().getFirst();
        String seated = venue.seatedSections().getFirst();
        return List.of(
                new Case("GET event", "booking-service", 200, get("/api/v1/events/" + browseEvent)),
                new Case("GET availability", "booking-service", 200,
                        get("/api/v1/events/" + browseEvent + "/availability")),
                new Case("GET users/me", "user-service", 200, get("/api/v1/users/me")),
                new Case("POST auth refresh", "user-service", 200, this::refresh),
                new Case("hold general admission x1", "booking-service", 201,
                        holds(i -> "{\"eventId\":\"%s\",\"generalAdmission\":{\"sectionId\":\"" + ga
                                + "\",\"quantity\":1}}", null)),
                new Case("hold best available x2", "booking-service", 201,
                        holds(i -> "{\"eventId\":\"%s\",\"bestAvailable\":{\"sectionId\":\"" + seated
                                + "\",\"quantity\":2}}", null)),
                new Case("hold specific seats x2", "booking-service", 201, holds(null, seated)),
                // Answered by the gateway alone (one Redis script): its cost per poll, measured on the gateway only.
                new Case("GET queue place", "gateway", 200, (base, i) -> HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/waiting-room/events/" + queueEvent)).header("Authorization", "Bearer " + token(i))
                        .GET()));
    }

    private Request get(String path) {
        return (base, i) -> HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token(i))
                .GET();
    }

    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refreshToken\"\\s*:\\s*\"([^\"]+)\"");

    /**
     * A session refresh, as a client sends it when its access token nears its end: one buyer's current refresh token
     * exchanged for the next (refresh tokens rotate, so a buyer's session is used by one request at a time). A token
     * the service may have spent without the client seeing the answer (no answer, or refused) is replaced by a login.
     */
    private int refresh(HttpClient client, String base, int i) throws Exception {
        Map.Entry<String, String> session = sessions.take();
        String next = session.getValue();
        int status = 0;
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/refresh"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + session.getValue() + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = answer.statusCode();
            Matcher token = REFRESH_TOKEN.matcher(answer.body());
            if (status == 200 && token.find()) {
                next = token.group(1);
            }
            return status;
        } finally {
            if (status != 200 && (status == 0 || status < 500) && status != 429) {
                next = api.refreshToken(session.getKey(), Seed.BUYER_PASSWORD);
            }
            sessions.add(Map.entry(session.getKey(), next));
        }
    }

    private String token(int i) {
        return tokens.get(Math.floorMod(i, tokens.size()));
    }

    /**
     * Hold requests against the current event of the case ({@link #fresh}): a body template with the event id, or
     * for specific seats the next pair of adjacent seats of the event's seat map.
     */
    private Request holds(IntFunction<String> body, String seatedSection) {
        return (base, i) -> {
            String text = seatedSection == null ? body.apply(i).formatted(current.eventId())
                    : "{\"eventId\":\"" + current.eventId() + "\",\"seatIds\":[\"" + current.pair(i)[0] + "\",\""
                            + current.pair(i)[1] + "\"]}";
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/holds")).header("Authorization", "Bearer " + token(i))
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(text));
        };
    }

    /** The event a hold case runs against, fresh for every run of the case, and its seats in pairs. */
    private record Inventory(String eventId, List<String[]> pairs) {
        String[] pair(int i) {
            return pairs.get(Math.floorMod(i, pairs.size()));
        }
    }

    private volatile Inventory current = new Inventory("", List.of());

    private volatile String queueEvent = "";

    private void fresh(Case c) throws Exception {
        if (c.service().equals("gateway") && queueEvent.isEmpty()) {
            queueEvent = waitingBuyers();
        }
        if (c.name().contains("refresh") && sessions.isEmpty()) {
            for (int i = 0; i < tokens.size(); i++) {
                String email = "hop-buyer-" + i + "@load.boxoffice.dev";
                sessions.add(Map.entry(email, api.refreshToken(email, Seed.BUYER_PASSWORD)));
            }
        }
        if (c.expected() != 201) {
            return;
        }
        String event = api.onSaleEvent(venue, "Per-hop " + c.name());
        List<String[]> pairs = new ArrayList<>();
        if (c.name().contains("specific")) {
            TreeMap<String, String> ordered = new TreeMap<>();
            for (SeatAvailability seat : api.seats(event, venue.seatedSections().getFirst())) {
                ordered.put("%6s-%06d".formatted(seat.getRow(), seat.getNumber()), seat.getSeatId().toString());
            }
            List<String> ids = new ArrayList<>(ordered.values());
            for (int k = 0; k + 1 < ids.size(); k += 2) {
                pairs.add(new String[] { ids.get(k), ids.get(k + 1) });
            }
        }
        current = new Inventory(event, pairs);
    }

    /**
     * An on-sale event behind a paused waiting room with every buyer of the pool in its queue, so that each poll is
     * the common case of a surge: a buyer told their place and when to ask again.
     */
    private String waitingBuyers() throws Exception {
        String event = api.onSaleEvent(venue, "Per-hop queue");
        api.waitingRoom(event, new WaitingRoomRequest().enabled(true).mode(WaitingRoomRequest.ModeEnum.FIXED)
                .ratePerMinute(60).opensMinutesBeforeSale(0).passMinutes(10));
        if (!api.pauseQueue(event)) {
            throw new IllegalStateException("the gateway did not pause the queue of " + event);
        }
        for (int i = 0; i < tokens.size(); i++) {
            HttpRequest join = HttpRequest.newBuilder(URI.create(targets.get("gateway") + "/api/v1/waiting-room/events/"
                    + event)).header("Authorization", "Bearer " + tokens.get(i))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            int status = http.send(join, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 200) {
                throw new IllegalStateException("joining the queue of " + event + " answered " + status);
            }
        }
        System.out.println("per-hop: " + tokens.size() + " buyers waiting in the paused queue of " + event);
        return event;
    }

    /** A measured run: counts, latencies (ms) and the CPU each process spent. */
    private record Row(String caseName, String service, String hop, String model, int concurrency, double rate, long ok,
            Map<Integer, Long> others, double p50, double p95, double p99, Map<String, Double> cpuMsPerRequest) {
    }

    private Row closed(Case c, String hop) throws Exception {
        fresh(c);
        System.out.printf(Locale.ROOT, "per-hop: %s via %s, %d concurrent, %d s + %d s warm-up%n", c.name(), hop,
                concurrency, seconds, warmup);
        Recorder recorder = new Recorder();
        AtomicInteger sequence = new AtomicInteger();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup + seconds);
        long measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
        CpuSnapshot[] cpu = new CpuSnapshot[2];
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = send(c, hop, sequence.getAndIncrement());
                        long done = System.nanoTime();
                        if (start >= measureFrom) {
                            recorder.record(status, c.expected(), done - start);
                        }
                    }
                    return null;
                });
            }
            sleepUntil(measureFrom);
            cpu[0] = CpuSnapshot.take();
            sleepUntil(end);
            cpu[1] = CpuSnapshot.take();
        }
        return recorder.row(c, hop, "closed", concurrency, seconds, cpu[0], cpu[1]);
    }

    private Row open(Case c, String hop, double rate) throws Exception {
        fresh(c);
        System.out.printf(Locale.ROOT, "per-hop: %s via %s, open model at %.0f req/s, %d s + %d s warm-up%n", c.name(),
                hop, rate, seconds, warmup);
        Recorder recorder = new Recorder();
        long interval = (long) (1_000_000_000L / rate);
        long begin = System.nanoTime();
        long measureFrom = begin + TimeUnit.SECONDS.toNanos(warmup);
        long end = begin + TimeUnit.SECONDS.toNanos(warmup + seconds);
        // Requests beyond this many in flight are counted as dropped (status 0): the hop has fallen behind for good.
        Semaphore inFlight = new Semaphore(2_048);
        CpuSnapshot before = null;
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; ; i++) {
                long due = begin + i * interval;
                if (due >= end) {
                    break;
                }
                sleepUntil(due);
                if (before == null && due >= measureFrom) {
                    before = CpuSnapshot.take();
                }
                boolean measured = due >= measureFrom;
                if (!inFlight.tryAcquire()) {
                    if (measured) {
                        recorder.record(0, c.expected(), System.nanoTime() - due);
                    }
                    continue;
                }
                int n = i;
                workers.submit(() -> {
                    try {
                        int status = send(c, hop, n);
                        if (measured) {
                            recorder.record(status, c.expected(), System.nanoTime() - due);
                        }
                    } finally {
                        inFlight.release();
                    }
                    return null;
                });
            }
            CpuSnapshot after = CpuSnapshot.take();
            return recorder.row(c, hop, "open", 0, seconds, before, after);
        }
    }

    private int send(Case c, String hop, int i) {
        try {
            return c.exchange().send(http, targets.get(hop), i);
        } catch (Exception failed) {
            return 0;
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Answers and latencies of the measured window. */
    private static final class Recorder {
        private final LongAdder ok = new LongAdder();
        private final Map<Integer, LongAdder> others = new ConcurrentHashMap<>();
        private long[] latencies = new long[1 << 16];
        private int count;

        void record(int status, int expected, long nanos) {
            if (status == expected) {
                ok.increment();
            } else {
                others.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
            synchronized (this) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = nanos;
            }
        }

        synchronized Row row(Case c, String hop, String model, int concurrency, int seconds, CpuSnapshot before,
                CpuSnapshot after) {
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            long total = count;
            Map<String, Double> cpu = new LinkedHashMap<>();
            for (String process : new java.util.LinkedHashSet<>(List.of("gateway", c.service(), "postgres", "redis",
                    "load generator"))) {
                cpu.put(process, total == 0 ? 0 : (after.ticks(process) - before.ticks(process))
                        * (1000.0 / CLOCK_TICKS_PER_SECOND) / total);
            }
            Map<Integer, Long> rest = new TreeMap<>();
            others.forEach((status, n) -> rest.put(status, n.sum()));
            return new Row(c.name(), c.service(), hop, model, concurrency, ok.sum() / (double) seconds, ok.sum(), rest,
                    percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99), cpu);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
        }
    }

    /** CPU clock ticks (user + system) spent so far by each process of the platform, from {@code /proc}. */
    private record CpuSnapshot(Map<String, Long> ticks) {

        long ticks(String process) {
            return ticks.getOrDefault(process, 0L);
        }

        static CpuSnapshot take() {
            Map<String, Long> ticks = new ConcurrentHashMap<>();
            ProcessHandle.allProcesses().forEach(process -> name(process).ifPresent(
                    name -> ticks.merge(name, cpuTicks(process.pid()), Long::sum)));
            ticks.merge("load generator", cpuTicks(ProcessHandle.current().pid()), Long::sum);
            return new CpuSnapshot(ticks);
        }

        private static Optional<String> name(ProcessHandle process) {
            String command = process.info().commandLine().orElse("");
            for (String service : List.of("gateway", "user-service", "booking-service", "payment-service",
                    "notification-service", "analytics-service")) {
                if (command.contains("/" + service + "-0") || command.contains("/" + service + "/target/")) {
                    return Optional.of(service.equals("gateway") ? "gateway" : service);
                }
            }
            if (command.contains("gateway-service")) {
                return Optional.of("gateway");
            }
            // The kernel's name of the process: postgres' backends and redis-server (which Debian runs through a
            // redis-check-rdb link) keep theirs whatever their command line says.
            String comm;
            try {
                comm = Files.readString(Path.of("/proc/" + process.pid() + "/comm")).strip();
            } catch (Exception gone) {
                return Optional.empty();
            }
            if (comm.equals("postgres")) {
                return Optional.of("postgres");
            }
            if (comm.equals("redis-server")) {
                return Optional.of("redis");
            }
            return Optional.empty();
        }

        private static long cpuTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 14 and 15 of stat (utime, stime); after the command's closing parenthesis they are 12 and 13.
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (Exception gone) {
                return 0;
            }
        }
    }

    private String report(List<Row> rows, double pgbench) {
        StringBuilder md = new StringBuilder();
        md.append("## Per hop: straight to the service vs through the gateway\n\n");
        md.append("Closed model: ").append(concurrency).append(" concurrent clients; open model: a fixed arrival rate of ")
                .append(Math.round(openShare * 100)).append(" % of the direct closed-model rate, latency from when each ")
                .append("request was due. ").append(seconds).append(" s measured after ").append(warmup)
                .append(" s warm-up; ").append(tokens.size()).append(" buyers' tokens in rotation.\n\n");
        md.append("| case | hop | model | req/s | p50 ms | p95 ms | p99 ms | other answers | CPU ms/req: gateway | service |")
                .append(" postgres | redis | generator |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            Double service = row.service().equals("gateway") ? null : row.cpuMsPerRequest().get(row.service());
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.1f | %.1f | %.1f | %s | %.2f | %s | %.2f | %.2f | %.2f |%n",
                    row.caseName(), row.hop().equals("gateway") ? "gateway" : "direct", row.model(), row.rate(),
                    row.p50(), row.p95(), row.p99(), row.others().isEmpty() ? "–" : row.others().toString(),
                    row.cpuMsPerRequest().get("gateway"),
                    service == null ? "–" : String.format(Locale.ROOT, "%.2f", service),
                    row.cpuMsPerRequest().get("postgres"), row.cpuMsPerRequest().get("redis"),
                    row.cpuMsPerRequest().get("load generator")));
        }
        md.append("\n### Ratios (closed model)\n\n| case | gateway / direct |\n|---|---:|\n");
        for (Row direct : closedDirect(rows)) {
            closed(rows, direct.caseName(), "gateway").ifPresent(gateway -> md.append(String.format(Locale.ROOT,
                    "| %s | %.0f %% |%n", direct.caseName(), 100 * gateway.rate() / Math.max(1e-9, direct.rate()))));
        }
        if (pgbench > 0) {
            md.append(String.format(Locale.ROOT, "%n### Holds against the database's own rate%n%npgbench, hold path's SQL "
                    + "(16 clients): %.0f transactions/s%n%n| case | direct / pgbench | gateway / pgbench | gateway p99 ms |%n"
                    + "|---|---:|---:|---:|%n", pgbench));
            for (Row direct : closedDirect(rows)) {
                if (direct.caseName().startsWith("hold")) {
                    closed(rows, direct.caseName(), "gateway").ifPresent(gateway -> md.append(String.format(Locale.ROOT,
                            "| %s | %.1f %% | %.1f %% | %.1f |%n", direct.caseName(), 100 * direct.rate() / pgbench,
                            100 * gateway.rate() / pgbench, gateway.p99())));
                }
            }
        }
        md.append("\nevents: browsing ").append(browseEvent).append("; venue ").append(venue.id())
                .append(queueEvent.isEmpty() ? "" : "; queue " + queueEvent).append('\n');
        return md.toString();
    }

    /** The closed-model rows straight to a service (a case the gateway alone answers has none). */
    private static List<Row> closedDirect(List<Row> rows) {
        return rows.stream().filter(row -> row.model().equals("closed") && !row.hop().equals("gateway")).toList();
    }

    private static Optional<Row> closed(List<Row> rows, String caseName, String hop) {
        return rows.stream().filter(row -> row.model().equals("closed") && row.hop().equals(hop)
                && row.caseName().equals(caseName)).findFirst();
    }
}
