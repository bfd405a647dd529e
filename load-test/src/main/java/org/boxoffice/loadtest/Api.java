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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load test's client of the platform's API for set-up work (seeding venues, events and buyers, logging in): JSON
 * in and out, a fresh {@code Idempotency-Key} on every body, and 429s waited out. Not used on the measured path.
 */
final class Api {

    static final UUID DEMO_ORGANIZATION = UUID.fromString("d3000000-0000-4000-8000-000000000001");
    static final String ORGANIZER = "organizer@demo.boxoffice.dev";

    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String users;
    private String token;

    Api(String gateway, String users) {
        this.gateway = gateway;
        this.users = users;
    }

    /** The platform's addresses from {@code BOXOFFICE_GATEWAY} and {@code BOXOFFICE_USER_URL} (local run defaults). */
    static Api fromEnvironment() {
        return new Api(System.getenv().getOrDefault("BOXOFFICE_GATEWAY", "http://127.0.0.1:8080"),
                System.getenv().getOrDefault("BOXOFFICE_USER_URL", "http://127.0.0.1:8081"));
    }

    /**
     * Logs in as the demo organizer, or as {@code BOXOFFICE_ADMIN_EMAIL} when the demo accounts predate this
     * checkout's demo password (a shared database keeps the accounts of whoever started the platform first).
     */
    void loginAsOrganizer() throws Exception {
        String password = System.getenv().getOrDefault("BOXOFFICE_DEMO_PASSWORD",
                Files.readString(Path.of(".boxoffice/demo-password")).trim());
        token = login(ORGANIZER, password);
        if (token == null) {
            String admin = System.getenv("BOXOFFICE_ADMIN_EMAIL");
            token = admin == null ? null : login(admin, System.getenv("BOXOFFICE_ADMIN_PASSWORD"));
            if (token == null) {
                throw new IllegalStateException("neither the demo organizer nor BOXOFFICE_ADMIN_EMAIL could log in");
            }
        }
    }

    /** Logs in on user-service's own port: the access token, or null when refused. */
    String login(String email, String password) throws Exception {
        HttpResponse<String> response = send("POST", users + "/api/v1/auth/login",
                Map.of("email", email, "password", password), null);
        if (response.statusCode() != 200) {
            return null;
        }
        return json.readTree(response.body()).get("accessToken").asText();
    }

    /**
     * Registers a buyer on user-service's own port. 201 also when the email was registered before (user-service
     * answers alike, docs/security.md): such an account is reusable as is.
     */
    void register(String email, String password, String displayName) throws Exception {
        HttpResponse<String> response = send("POST", users + "/api/v1/auth/register",
                Map.of("email", email, "password", password, "displayName", displayName), null);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("register " + email + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** A venue of {@code sections} seated sections ({@code rows} x {@code seatsPerRow}) and GA areas. */
    Venue venue(String name, int sections, int rows, int seatsPerRow, int gaAreas, int gaCapacity) throws Exception {
        JsonNode venue = call("POST", "/api/v1/admin/venues", Map.of("organizationId", DEMO_ORGANIZATION,
                "name", name + " " + Instant.now(), "city", "Benchtown", "address", "1 Load Street", "timezone", "UTC"),
                201);
        String venueId = venue.get("id").asText();
        List<String> seated = new ArrayList<>();
        List<String> standing = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            seated.add(call("POST", "/api/v1/admin/venues/" + venueId + "/sections", Map.of(
                    "code", "S" + (i + 1), "name", "Stand " + (i + 1), "kind", "SEATED",
                    "rows", Map.of("from", "1", "to", Integer.toString(rows)),
                    "seats", Map.of("from", 1, "to", seatsPerRow)), 201).get("id").asText());
        }
        for (int i = 0; i < gaAreas; i++) {
            standing.add(call("POST", "/api/v1/admin/venues/" + venueId + "/sections", Map.of(
                    "code", "GA" + (i + 1), "name", "Floor " + (i + 1), "kind", "GENERAL_ADMISSION",
                    "capacity", gaCapacity), 201).get("id").asText());
        }
        return new Venue(venueId, seated, standing);
    }

    record Venue(String id, List<String> seatedSections, List<String> gaSections) {
    }

    /** Creates, prices and publishes an event on the venue, on sale since a minute ago; its id. */
    String onSaleEvent(Venue venue, String title) throws Exception {
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (int i = 0; i < venue.seatedSections().size(); i++) {
            tiers.add(Map.of("sectionId", venue.seatedSections().get(i), "name", "Stand " + (i + 1),
                    "amountMinor", 4_500 + 2_000 * i));
        }
        for (int i = 0; i < venue.gaSections().size(); i++) {
            tiers.add(Map.of("sectionId", venue.gaSections().get(i), "name", "Floor " + (i + 1), "amountMinor", 3_500));
        }
        Instant now = Instant.now();
        JsonNode event = call("POST", "/api/v1/admin/events", Map.ofEntries(Map.entry("venueId", venue.id()),
                Map.entry("title", title + " " + now), Map.entry("description", "Seeded by the load test"),
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
        return eventId;
    }

    JsonNode call(String method, String path, Object body, int expected) throws Exception {
        HttpResponse<String> response = send(method, gateway + path, body, token);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
    }

    /** Sends the request; a 429 is waited out ({@code Retry-After}, else 1 s, plus jitter) and sent again. */
    HttpResponse<String> send(String method, String url, Object body, String bearer)
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
            Thread.sleep(Math.max(1, seconds) * 1000 + ThreadLocalRandom.current().nextLong(500));
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
