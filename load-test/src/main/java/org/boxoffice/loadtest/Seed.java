package org.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The benchmark's seed step: through the admin API (as the demo organizer) a large venue and two on-sale events —
 * the surge event on every seat of the venue, the sell-out event on a small venue — and a pool of buyer accounts
 * registered on user-service's own port (8081), so the gateway's per-address registration budget does not apply to
 * seeding. Writes {@code seed.properties} and {@code buyers.csv} into the output directory for the simulation.
 *
 * <p>Usage: {@code Seed <outDir> <buyers> <seatedSections> <rows> <seatsPerRow> <gaAreas> <gaCapacity>}; the
 * gateway, user-service and demo password come from {@code BOXOFFICE_GATEWAY}, {@code BOXOFFICE_USER_URL} and
 * {@code .boxoffice/demo-password}.
 */
public final class Seed {

    static final UUID DEMO_ORGANIZATION = UUID.fromString("d3000000-0000-4000-8000-000000000001");
    static final String ORGANIZER = "organizer@demo.boxoffice.dev";
    /** Shared by every seeded buyer: 12+ characters and not containing the email's name, as the policy asks. */
    static final String BUYER_PASSWORD = "Surge-Bench-2026!q";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String users;
    private String token;

    Seed(String gateway, String users) {
        this.gateway = gateway;
        this.users = users;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int buyers = Integer.parseInt(args[1]);
        int sections = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        int seatsPerRow = Integer.parseInt(args[4]);
        int gaAreas = Integer.parseInt(args[5]);
        int gaCapacity = Integer.parseInt(args[6]);
        String password = System.getenv().getOrDefault("BOXOFFICE_DEMO_PASSWORD",
                Files.readString(Path.of(".boxoffice/demo-password")).trim());
        Seed seed = new Seed(System.getenv().getOrDefault("BOXOFFICE_GATEWAY", "http://127.0.0.1:8080"),
                System.getenv().getOrDefault("BOXOFFICE_USER_URL", "http://127.0.0.1:8081"));
        Files.createDirectories(out);
        // Sessions of an earlier run (another platform, maybe other signing keys): the pre-sale logs in afresh.
        Files.deleteIfExists(out.resolve("tokens.csv"));
        // The demo organizer, or an admin (any organization) when the demo accounts predate this password: a shared
        // database keeps the accounts of whoever started the platform first.
        if (!seed.tryLogin(ORGANIZER, password)) {
            String admin = System.getenv("BOXOFFICE_ADMIN_EMAIL");
            if (admin == null || !seed.tryLogin(admin, System.getenv("BOXOFFICE_ADMIN_PASSWORD"))) {
                throw new IllegalStateException("neither the demo organizer nor BOXOFFICE_ADMIN_EMAIL could log in");
            }
        }
        Properties props = new Properties();
        long started = System.nanoTime();
        seed.event("surge", "Surge Arena", sections, rows, seatsPerRow, gaAreas, gaCapacity, props);
        seed.waitingRoom(props.getProperty("surge.eventId"), System.getenv().getOrDefault("WAITING_ROOM", "off"), props);
        // The sell-out: a small hall (2 sections of 10 x 20, one standing area of 100) that many buyers chase.
        seed.event("sellout", "Sell-out Club", 2, 10, 20, 1, 100, props);
        System.out.printf("seed: events created and published in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        started = System.nanoTime();
        seed.buyers(buyers, out.resolve("buyers.csv"));
        System.out.printf("seed: %d buyers ready in %d s%n", buyers, (System.nanoTime() - started) / 1_000_000_000);
        try (var writer = Files.newBufferedWriter(out.resolve("seed.properties"))) {
            props.store(writer, "written by org.boxoffice.loadtest.Seed");
        }
    }

    private void event(String key, String name, int sections, int rows, int seatsPerRow, int gaAreas, int gaCapacity,
            Properties props) throws Exception {
        String suffix = Instant.now().toString();
        JsonNode venue = call("POST", "/api/v1/admin/venues", Map.of("organizationId", DEMO_ORGANIZATION,
                "name", name + " " + suffix, "city", "Benchtown", "address", "1 Load Street", "timezone", "UTC"), 201);
        String venueId = venue.get("id").asText();
        List<Map<String, Object>> tiers = new ArrayList<>();
        List<String> seated = new ArrayList<>();
        List<String> standing = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            JsonNode section = call("POST", "/api/v1/admin/venues/" + venueId + "/sections", Map.of(
                    "code", "S" + (i + 1), "name", "Stand " + (i + 1), "kind", "SEATED",
                    "rows", Map.of("from", "1", "to", Integer.toString(rows)),
                    "seats", Map.of("from", 1, "to", seatsPerRow)), 201);
            seated.add(section.get("id").asText());
            tiers.add(Map.of("sectionId", section.get("id").asText(), "name", "Stand " + (i + 1),
                    "amountMinor", 4_500 + 2_000 * i));
        }
        for (int i = 0; i < gaAreas; i++) {
            JsonNode section = call("POST", "/api/v1/admin/venues/" + venueId + "/sections", Map.of(
                    "code", "GA" + (i + 1), "name", "Floor " + (i + 1), "kind", "GENERAL_ADMISSION",
                    "capacity", gaCapacity), 201);
            standing.add(section.get("id").asText());
            tiers.add(Map.of("sectionId", section.get("id").asText(), "name", "Floor " + (i + 1), "amountMinor", 3_500));
        }
        Instant now = Instant.now();
        JsonNode event = call("POST", "/api/v1/admin/events", Map.ofEntries(Map.entry("venueId", venueId),
                Map.entry("title", name + " on-sale benchmark " + suffix),
                Map.entry("description", "Seeded by load-test/run-benchmark.sh"),
                Map.entry("startsAt", now.plus(Duration.ofDays(60)).toString()),
                Map.entry("endsAt", now.plus(Duration.ofDays(60)).plus(Duration.ofHours(3)).toString()),
                Map.entry("timezone", "UTC"), Map.entry("onSaleAt", now.minusSeconds(60).toString()),
                Map.entry("offSaleAt", now.plus(Duration.ofDays(30)).toString()), Map.entry("currency", "EUR"),
                Map.entry("maxTicketsPerOrder", 8),
                // Seeded buyers are reused across virtual users, so the per-buyer cap must not be what stops them.
                Map.entry("maxTicketsPerBuyer", 1_000), Map.entry("holdDurationSeconds", 300)), 201);
        String eventId = event.get("id").asText();
        call("PUT", "/api/v1/admin/events/" + eventId + "/price-tiers", Map.of("tiers", tiers), 200);
        call("POST", "/api/v1/admin/events/" + eventId + "/publish", null, 200);
        props.setProperty(key + ".eventId", eventId);
        props.setProperty(key + ".seatedSections", String.join(",", seated));
        props.setProperty(key + ".gaSections", String.join(",", standing));
        props.setProperty(key + ".capacity", Integer.toString(sections * rows * seatsPerRow + gaAreas * gaCapacity));
        System.out.printf("seed: %s event %s: %d seats in %d sections + %d standing in %d areas%n", key, eventId,
                sections * rows * seatsPerRow, sections, gaAreas * gaCapacity, gaAreas);
    }

    /**
     * Puts the surge event behind a waiting room (docs/waiting-room.md) when {@code mode} is {@code auto} (AUTO from
     * {@code WAITING_ROOM_RATE}, default 300 per minute, within {@code WAITING_ROOM_MIN}..{@code WAITING_ROOM_MAX},
     * default 60..3000) or a number (that FIXED rate per minute); {@code off} leaves it open.
     */
    private void waitingRoom(String eventId, String mode, Properties props) throws Exception {
        if (mode.isBlank() || mode.equals("off")) {
            props.setProperty("surge.waitingRoom", "off");
            return;
        }
        Map<String, Object> setting = new java.util.LinkedHashMap<>();
        setting.put("enabled", true);
        if (mode.equals("auto")) {
            setting.put("mode", "AUTO");
            setting.put("ratePerMinute", Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_RATE", "300")));
            setting.put("minRatePerMinute", Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_MIN", "60")));
            setting.put("maxRatePerMinute", Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_MAX", "3000")));
        } else {
            setting.put("mode", "FIXED");
            setting.put("ratePerMinute", Integer.parseInt(mode));
        }
        setting.put("opensMinutesBeforeSale", 0);
        setting.put("passMinutes", 10);
        JsonNode room = call("PUT", "/api/v1/admin/events/" + eventId + "/waiting-room", setting, 200);
        props.setProperty("surge.waitingRoom", room.get("mode").asText() + " " + room.get("ratePerMinute").asInt()
                + "/min (" + room.get("minRatePerMinute").asInt() + ".." + room.get("maxRatePerMinute").asInt() + ")");
        System.out.printf("seed: surge event behind a waiting room: %s%n", props.getProperty("surge.waitingRoom"));
    }

    /**
     * Registers (or finds already registered) {@code count} buyers, 4 at a time: user-service hashes each password
     * (also for an email it already knows) and answers 429 when its hashing slots are busy, which {@link #send}
     * waits out.
     */
    private void buyers(int count, Path csv) throws Exception {
        Semaphore parallel = new Semaphore(4);
        List<Future<?>> done = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String email = "lt-buyer-" + i + "@load.boxoffice.dev";
                done.add(executor.submit(() -> {
                    parallel.acquire();
                    try {
                        HttpResponse<String> response = send("POST", users + "/api/v1/auth/register",
                                Map.of("email", email, "password", BUYER_PASSWORD, "displayName", "Load buyer"), null);
                        // 409: registered by an earlier run with the same password; the account is reusable as is.
                        if (response.statusCode() != 201 && response.statusCode() != 409) {
                            throw new IllegalStateException("register " + email + ": " + response.statusCode() + " "
                                    + response.body());
                        }
                    } finally {
                        parallel.release();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        List<String> lines = new ArrayList<>(List.of("email,password"));
        for (int i = 0; i < count; i++) {
            lines.add("lt-buyer-" + i + "@load.boxoffice.dev," + BUYER_PASSWORD);
        }
        Files.write(csv, lines);
    }

    private boolean tryLogin(String email, String password) throws Exception {
        HttpResponse<String> response = send("POST", users + "/api/v1/auth/login",
                Map.of("email", email, "password", password), null);
        if (response.statusCode() != 200) {
            System.out.println("seed: " + email + " cannot log in (" + response.statusCode() + ")");
            return false;
        }
        token = json.readTree(response.body()).get("accessToken").asText();
        return true;
    }

    private JsonNode call(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, gateway + path, body, token);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** Sends the request; a 429 is waited out ({@code Retry-After}, else 1 s, plus jitter) and sent again. */
    private HttpResponse<String> send(String method, String url, Object body, String bearer)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = sendOnce(method, url, body, bearer);
            if (response.statusCode() != 429 || attempt == 30) {
                return response;
            }
            long seconds = response.headers().firstValue("Retry-After").map(v -> {
                try {
                    return Long.parseLong(v.trim());
                } catch (NumberFormatException e) {
                    return 1L;
                }
            }).orElse(1L);
            Thread.sleep(Math.max(1, seconds) * 1000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(500));
        }
    }

    private HttpResponse<String> sendOnce(String method, String url, Object body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", "seed-" + UUID.randomUUID());
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
