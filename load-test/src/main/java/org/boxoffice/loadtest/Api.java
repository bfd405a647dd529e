package org.boxoffice.loadtest;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.boxoffice.client.booking.api.EventsApi;
import org.boxoffice.client.booking.api.EventAdministrationApi;
import org.boxoffice.client.booking.api.VenueAdministrationApi;
import org.boxoffice.client.booking.api.WaitingListsApi;
import org.boxoffice.client.booking.model.CreateEventRequest;
import org.boxoffice.client.booking.model.CreateSectionRequest;
import org.boxoffice.client.booking.model.CreateVenueRequest;
import org.boxoffice.client.booking.model.Range;
import org.boxoffice.client.booking.model.SeatAvailability;
import org.boxoffice.client.booking.model.SeatRange;
import org.boxoffice.client.booking.model.TierRequest;
import org.boxoffice.client.booking.model.TiersRequest;
import org.boxoffice.client.booking.model.WaitingListSettingRequest;
import org.boxoffice.client.booking.model.WaitingRoomRequest;
import org.boxoffice.client.booking.model.WaitingRoomResponse;
import org.boxoffice.client.user.api.AccountsApi;
import org.boxoffice.client.user.api.AuthenticationApi;
import org.boxoffice.client.user.model.LoginRequest;
import org.boxoffice.client.user.model.RegistrationRequest;

/**
 * The load test's client of the platform's API for set-up work (seeding venues, events and buyers, logging in),
 * through the typed clients generated from the published contract (docs/openapi, the {@code org.boxoffice.client}
 * packages): a fresh {@code Idempotency-Key} on every change, and 429s waited out. Not used on the measured path.
 */
final class Api {

    static final UUID DEMO_ORGANIZATION = UUID.fromString("d3000000-0000-4000-8000-000000000001");
    static final String ORGANIZER = "organizer@demo.boxoffice.dev";

    // One instance of each: every generated API object holds an HttpClient of its own.
    private final AuthenticationApi auth;
    private final AccountsApi accounts;
    private final VenueAdministrationApi venues;
    private final EventAdministrationApi events;
    private final EventAdministrationApi waitingRooms;
    private final EventsApi availability;
    private final WaitingListsApi waitingLists;
    private final String gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile String token;

    Api(String gateway, String users) {
        this.gateway = gateway;
        Clients viaGateway = new Clients(gateway, () -> token);
        Clients direct = new Clients(users, () -> null);
        auth = new AuthenticationApi(direct.user);
        accounts = new AccountsApi(direct.user);
        venues = new VenueAdministrationApi(viaGateway.booking);
        events = new EventAdministrationApi(viaGateway.booking);
        waitingRooms = new EventAdministrationApi(viaGateway.booking);
        availability = new EventsApi(viaGateway.booking);
        waitingLists = new WaitingListsApi(viaGateway.booking);
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
        try {
            return waitingOutTooManyRequests(() -> auth.login(new LoginRequest().email(email).password(password)))
                    .getAccessToken();
        } catch (org.boxoffice.client.user.ApiException refused) {
            if (refused.getCode() >= 400 && refused.getCode() < 500) {
                return null;
            }
            throw refused;
        }
    }

    /** Logs in on user-service's own port and answers the session's refresh token. */
    String refreshToken(String email, String password) throws Exception {
        return waitingOutTooManyRequests(() -> auth.login(new LoginRequest().email(email).password(password)))
                .getRefreshToken();
    }

    /**
     * Registers a buyer on user-service's own port. 201 also when the email was registered before (user-service
     * answers alike, docs/security.md): such an account is reusable as is.
     */
    void register(String email, String password, String displayName) throws Exception {
        int status = waitingOutTooManyRequests(() -> accounts.registerWithHttpInfo(
                new RegistrationRequest().email(email).password(password).displayName(displayName), idempotencyKeyHeader()))
                .getStatusCode();
        if (status != 201) {
            throw new IllegalStateException("register " + email + ": " + status);
        }
    }

    /** A venue of {@code sections} seated sections ({@code rows} x {@code seatsPerRow}) and GA areas. */
    Venue venue(String name, int sections, int rows, int seatsPerRow, int gaAreas, int gaCapacity) throws Exception {
        UUID venueId = venues.createVenue(new CreateVenueRequest().organizationId(DEMO_ORGANIZATION)
                .name(name + " " + Instant.now()).city("Benchtown").address("1 Load Street").timezone("UTC"),
                idempotencyKey()).getId();
        List<String> seated = new ArrayList<>();
        List<String> standing = new ArrayList<>();
        for (int i = 0; i < sections; i++) {
            seated.add(venues.addSection(venueId, new CreateSectionRequest().code("S" + (i + 1))
                    .name("Stand " + (i + 1)).kind(CreateSectionRequest.KindEnum.SEATED)
                    .rows(new Range().from("1").to(Integer.toString(rows)))
                    .seats(new SeatRange().from(1).to(seatsPerRow)), idempotencyKey()).getId().toString());
        }
        for (int i = 0; i < gaAreas; i++) {
            standing.add(venues.addSection(venueId, new CreateSectionRequest().code("GA" + (i + 1))
                    .name("Floor " + (i + 1)).kind(CreateSectionRequest.KindEnum.GENERAL_ADMISSION)
                    .capacity(gaCapacity), idempotencyKey()).getId().toString());
        }
        return new Venue(venueId.toString(), seated, standing);
    }

    record Venue(String id, List<String> seatedSections, List<String> gaSections) {
    }

    /** Creates, prices and publishes an event on the venue, on sale since a minute ago; its id. */
    String onSaleEvent(Venue venue, String title) throws Exception {
        List<TierRequest> tiers = new ArrayList<>();
        for (int i = 0; i < venue.seatedSections().size(); i++) {
            tiers.add(new TierRequest().sectionId(UUID.fromString(venue.seatedSections().get(i)))
                    .name("Stand " + (i + 1)).amountMinor(4_500L + 2_000L * i));
        }
        for (int i = 0; i < venue.gaSections().size(); i++) {
            tiers.add(new TierRequest().sectionId(UUID.fromString(venue.gaSections().get(i)))
                    .name("Floor " + (i + 1)).amountMinor(3_500L));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID eventId = events.createEvent(new CreateEventRequest().venueId(UUID.fromString(venue.id()))
                .title(title + " " + now.toInstant()).description("Seeded by the load test")
                .startsAt(now.plusDays(60)).endsAt(now.plusDays(60).plusHours(3)).timezone("UTC")
                .onSaleAt(now.minusSeconds(60)).offSaleAt(now.plusDays(30)).currency("EUR").maxTicketsPerOrder(8)
                // Seeded buyers are reused across virtual users, so the per-buyer cap must not be what stops them.
                .maxTicketsPerBuyer(1_000).holdDurationSeconds(300), idempotencyKey()).getId();
        events.setPriceTiers(eventId, new TiersRequest().tiers(tiers), idempotencyKeyHeader());
        events.publishEvent(eventId, idempotencyKey());
        return eventId.toString();
    }

    /** Puts an event behind a waiting room, or changes its settings (docs/waiting-room.md). */
    WaitingRoomResponse waitingRoom(String eventId, WaitingRoomRequest setting) throws Exception {
        return waitingRooms.configureWaitingRoom(UUID.fromString(eventId), setting, idempotencyKeyHeader());
    }

    /**
     * Pauses admissions from an event's queue (the gateway's organizer endpoint, docs/waiting-room.md), waiting until
     * the gateway knows the room: true once paused.
     */
    boolean pauseQueue(String eventId) throws Exception {
        for (int attempt = 0; attempt < 30; attempt++) {
            int status = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(gateway
                            + "/api/v1/admin/waiting-room/events/" + eventId + "/pause"))
                    .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status == 200) {
                return true;
            }
            Thread.sleep(1_000);
        }
        return false;
    }

    /** Turns an event's sold-out waiting list on, offers open for {@code claimMinutes} (docs/commerce.md). */
    void waitingList(String eventId, int claimMinutes) throws Exception {
        waitingLists.setWaitingList(UUID.fromString(eventId),
                new WaitingListSettingRequest().enabled(true).claimMinutes(claimMinutes));
    }

    /** The seats of a seated section of an event, with their availability. */
    List<SeatAvailability> seats(String eventId, String sectionId) throws Exception {
        return availability.getSectionSeats(UUID.fromString(eventId), UUID.fromString(sectionId), null).getSeats();
    }

    /** A fresh key, for the operations whose document takes {@code Idempotency-Key} as a parameter. */
    private static String idempotencyKey() {
        return "seed-" + UUID.randomUUID();
    }

    /** The same as a header, for the operations whose document does not list it (the filter still honours it). */
    private static Map<String, String> idempotencyKeyHeader() {
        return Map.of("Idempotency-Key", idempotencyKey());
    }

    /**
     * Calls user-service; a 429 (its password-hashing slots are busy, or a rate limit) is waited out
     * ({@code Retry-After}, else 1 s, plus jitter) and the call made again, up to 30 times.
     */
    static <T> T waitingOutTooManyRequests(Callable<T> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (org.boxoffice.client.user.ApiException refused) {
                if (refused.getCode() != 429 || attempt == 30) {
                    throw refused;
                }
                long seconds = retryAfter(refused.getResponseHeaders() == null ? null
                        : refused.getResponseHeaders().firstValue("Retry-After").orElse(null));
                Thread.sleep(seconds * 1000 + ThreadLocalRandom.current().nextLong(500));
            }
        }
    }

    private static long retryAfter(String value) {
        try {
            return value == null ? 1 : Math.max(1, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /**
     * The generated clients of the services as one caller sees them at one address (the gateway, or a service's own
     * port): JSON in and out, the caller's bearer token when it has one.
     */
    static final class Clients {

        final org.boxoffice.client.user.ApiClient user = new org.boxoffice.client.user.ApiClient();
        final org.boxoffice.client.booking.ApiClient booking = new org.boxoffice.client.booking.ApiClient();
        final org.boxoffice.client.payment.ApiClient payment = new org.boxoffice.client.payment.ApiClient();
        final org.boxoffice.client.notification.ApiClient notification =
                new org.boxoffice.client.notification.ApiClient();
        final org.boxoffice.client.analytics.ApiClient analytics = new org.boxoffice.client.analytics.ApiClient();

        Clients(String baseUri, java.util.function.Supplier<String> bearer) {
            this(baseUri, bearer, () -> null);
        }

        /** With {@code traceparent}: each request sent in that trace (a W3C header per request, or none if null). */
        Clients(String baseUri, java.util.function.Supplier<String> bearer,
                java.util.function.Supplier<String> traceparent) {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
            java.util.function.Consumer<java.net.http.HttpRequest.Builder> credentials = request -> {
                String token = bearer.get();
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                String trace = traceparent.get();
                if (trace != null) {
                    request.header("traceparent", trace);
                }
            };
            user.setHttpClientBuilder(http).updateBaseUri(baseUri);
            user.setReadTimeout(Duration.ofSeconds(120)).setRequestInterceptor(credentials);
            booking.setHttpClientBuilder(http).updateBaseUri(baseUri);
            booking.setReadTimeout(Duration.ofSeconds(120)).setRequestInterceptor(credentials);
            payment.setHttpClientBuilder(http).updateBaseUri(baseUri);
            payment.setReadTimeout(Duration.ofSeconds(120)).setRequestInterceptor(credentials);
            notification.setHttpClientBuilder(http).updateBaseUri(baseUri);
            notification.setReadTimeout(Duration.ofSeconds(120)).setRequestInterceptor(credentials);
            analytics.setHttpClientBuilder(http).updateBaseUri(baseUri);
            analytics.setReadTimeout(Duration.ofSeconds(120)).setRequestInterceptor(credentials);
        }
    }
}
