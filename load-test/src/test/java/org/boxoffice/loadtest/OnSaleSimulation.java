package org.boxoffice.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ClosedInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The on-sale. Before it opens, the pre-sale phase logs the buyers in, paced ({@code loginRate} per second) and
 * honouring {@code 429 Retry-After}: on a real on-sale the buyers wait on the event page with a session, and the surge
 * is on the sale, not on the login form. Then the sale: buyers take their session (refreshing it when it nears its
 * end, logging in again only when it is gone), read the event and its availability, hold seats (best available, specific seats from
 * the seat map, or general admission), try again with another choice when someone else was faster, check out, have
 * the sandbox provider tokenize their card and pay with the token (a share with the declining card), some cancel, and
 * the paid ones fetch their tickets.
 *
 * <p>When the seed put the profile's event behind a waiting room ({@code WAITING_ROOM}, docs/waiting-room.md), each
 * buyer first takes a place, polls as the gateway says ({@code pollAfterSeconds}) until let in, holds with the pass,
 * and leaves the queue at the end of the journey; the waiting room's calls, the buyers let in and their waits are
 * recorded apart from the admitted buyers' requests. When the seed turned the event's sold-out waiting list on
 * ({@code WAITING_LIST}, docs/commerce.md), a buyer who held nothing after three tries joins it for the section they
 * last tried; nobody claims, so the offers expire and pass down the line, which the audit follows. Seeded accounts are shared by virtual users when there are more
 * users than accounts: they share a place, as tabs of one buyer do.
 *
 * <p>System properties: {@code seed} (the seed step's directory), {@code profile} ({@code surge} or {@code sellout},
 * picks the event), {@code steps} ({@code users:seconds,...}, closed model: that many buyers in the journey at once),
 * {@code ramp} (seconds between steps), {@code gateway}, {@code think} (think-time scale, 1 = as written),
 * {@code loginRate} (pre-sale logins started per second), {@code out} (where the per-step table goes),
 * {@code sandbox} (the sandbox provider's base URL, default payment-service's port), {@code buyerLimit} (only the
 * first so many seeded buyers take part, all when 0: the warm-up's).
 */
public class OnSaleSimulation extends Simulation {

    private static final String DECLINING_CARD = "4000000000000002";
    private static final String SUCCEEDING_CARD = "4242424242424242";

    private final Path seedDir = Path.of(System.getProperty("seed", "target/seed"));
    private final String profile = System.getProperty("profile", "surge");
    private final double think = Double.parseDouble(System.getProperty("think", "1"));
    private final double declineShare = Double.parseDouble(System.getProperty("declines", "0.15"));
    private final double cancelShare = Double.parseDouble(System.getProperty("cancels", "0.08"));
    private final StepStats stats = StepStats.parse(System.getProperty("steps", "5:10"),
            Integer.parseInt(System.getProperty("ramp", "5")));
    private final Properties seed = load(seedDir.resolve("seed.properties"));
    private final String eventId = seed.getProperty(profile + ".eventId");
    private final Buyers buyers = Buyers.load(seedDir.resolve("buyers.csv"), seedDir.resolve("tokens.csv"));
    private final double loginRate = Double.parseDouble(System.getProperty("loginRate", "20"));
    private final int buyerLimit = Integer.parseInt(System.getProperty("buyerLimit", "0"));
    private static final int LOGIN_ATTEMPTS = 20;
    /**
     * The pre-sale waits as long as it takes: its logins are paced by user-service's 429s, and a buyer that gave up
     * would log in during the sale instead, where its password hash competes with the holds.
     */
    private static final int PRESALE_LOGIN_ATTEMPTS = 1_000;
    /** Whether this profile's event has a waiting room: buyers queue before they hold. */
    private final boolean queued = !"off".equals(seed.getProperty(profile + ".waitingRoom", "off"));
    private static final String PASS_HEADER = "X-Waiting-Room-Pass";
    /** A buyer still waiting after this long gives up (and leaves the queue). */
    private static final long MAX_QUEUE_MILLIS = Duration.ofMinutes(30).toMillis();
    /** Whether this profile's event has a sold-out waiting list: buyers who hold nothing line up. */
    private final boolean waitingList = "on".equals(seed.getProperty(profile + ".waitingList", "off"));
    private final List<String> seated = List.of(seed.getProperty(profile + ".seatedSections").split(","));
    private final List<String> standing = List.of(seed.getProperty(profile + ".gaSections").split(","));

    /**
     * The sandbox provider's tokenization endpoint. A real provider is not behind Boxoffice's gateway, so the buyers
     * reach it directly (payment-service's own port) rather than through the gateway's per-address budget.
     */
    private final String sandbox = System.getProperty("sandbox", "http://127.0.0.1:8083");

    private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("gateway", "http://127.0.0.1:8080"))
            .acceptHeader("application/json").contentTypeHeader("application/json")
            .userAgentHeader("boxoffice-load-test");

    /** Where a timed request's outcome goes: the sale's steps, or the pre-sale's figures. */
    interface Recorder {
        void record(long millis, Integer status, boolean ok);
    }

    /**
     * Times one request and files it under the running step; {@code ok} are the answers this step expects. After a
     * 5xx or no answer at all the buyer backs off for 2–5 s (scaled by {@code THINK}).
     */
    private ChainBuilder timed(HttpRequestActionBuilder request, Integer... ok) {
        return timed(stats::request, request, ok);
    }

    private ChainBuilder timed(Recorder recorder, HttpRequestActionBuilder request, Integer... ok) {
        Set<Integer> expected = Set.of(ok);
        return exec(session -> session.remove("st").set("t0", System.nanoTime()))
                .exec(request.check(status().saveAs("st"), status().in(ok)))
                .exec(session -> {
                    long millis = (System.nanoTime() - session.getLong("t0")) / 1_000_000;
                    Integer status = session.contains("st") ? session.getInt("st") : null;
                    recorder.record(millis, status, status != null && expected.contains(status));
                    return session.set("serverFailed", status == null || status >= 500);
                })
                // A real buyer who gets an error page waits a few seconds before trying again; without this, a
                // closed model replaces a failed buyer at once and failures multiply the offered load.
                .doIf(session -> session.getBoolean("serverFailed")).then(pauseMs(2000, 5000));
    }

    /**
     * Logs the session's buyer in; a {@code 429} (user-service busy hashing, or the gateway's login budget) is
     * answered by waiting {@code Retry-After} plus up to a second of jitter, so that refused buyers do not come back
     * all at the same moment. Leaves {@code token} in the session and the buyer's session in {@link Buyers}.
     */
    private ChainBuilder login(Recorder recorder, int maxAttempts) {
        return exec(session -> session.set("loginAttempts", 0))
                .asLongAs(session -> !session.contains("token") && session.getInt("loginAttempts") < maxAttempts).on(
                        exec(session -> session.remove("retryAfter"))
                                .exec(timed(recorder, http("login").post("/api/v1/auth/login")
                                        .body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\"}"))
                                        .check(jsonPath("$.accessToken").optional().saveAs("token"),
                                                jsonPath("$.refreshToken").optional().saveAs("refreshToken"),
                                                jsonPath("$.expiresIn").ofLong().optional().saveAs("expiresIn"),
                                                header("Retry-After").optional().saveAs("retryAfter")), 200, 429))
                                .exec(session -> session.set("loginAttempts", session.getInt("loginAttempts") + 1))
                                .doIf(session -> !session.contains("token")).then(pause(OnSaleSimulation::retryDelay)))
                .exec(session -> {
                    if (session.contains("token")) {
                        buyers.get(session.getString("email")).loggedIn(session.getString("token"),
                                session.getString("refreshToken"), session.getLong("expiresIn"),
                                System.currentTimeMillis());
                    }
                    return session;
                });
    }

    /** {@code Retry-After} when the answer had one (429), else exponential backoff (1, 2, 4 ... 16 s); plus jitter. */
    private static Duration retryDelay(Session session) {
        long seconds = 1L << Math.min(4, Math.max(0, session.getInt("loginAttempts") - 1));
        if (session.contains("retryAfter")) {
            try {
                seconds = Math.max(1, Long.parseLong(session.getString("retryAfter").trim()));
            } catch (NumberFormatException e) {
                seconds = 1;
            }
        }
        return Duration.ofMillis(seconds * 1000 + ThreadLocalRandom.current().nextLong(1000));
    }

    /**
     * The buyer's session for this journey: the current access token; the one virtual user that claims it refreshes
     * it when it nears its end; a login only when the buyer has no usable session (its refresh failed, or it never
     * logged in).
     */
    private final ChainBuilder takeSession = exec(session -> {
        stats.startOnce();
        Buyers.Buyer buyer = buyers.get(session.getString("email"));
        long now = System.currentTimeMillis();
        boolean refresh = buyer.claimRefresh(now);
        String token = buyer.usableToken(now);
        Session next = session.set("refreshing", refresh);
        next = refresh ? next.set("oldRefreshToken", buyer.refreshToken()) : next;
        return token == null ? next.remove("token") : next.set("token", token);
    })
            .doIf(session -> session.getBoolean("refreshing")).then(refreshSession(stats::request))
            .doIf(session -> !session.contains("token")).then(login(stats::request, LOGIN_ATTEMPTS));

    /** Exchanges the session's {@code oldRefreshToken} while {@code refreshing}; see {@link #afterRefresh}. */
    private ChainBuilder refreshSession(Recorder recorder) {
        return exec(session -> session.set("refreshAttempts", 0))
                .asLongAs(session -> session.getBoolean("refreshing")).on(
                        exec(session -> session.remove("newToken"))
                                .exec(timed(recorder, http("refresh").post("/api/v1/auth/refresh")
                                        .body(StringBody("{\"refreshToken\":\"#{oldRefreshToken}\"}"))
                                        .check(jsonPath("$.accessToken").optional().saveAs("newToken"),
                                                jsonPath("$.refreshToken").optional().saveAs("refreshToken"),
                                                jsonPath("$.expiresIn").ofLong().optional().saveAs("expiresIn")),
                                        200))
                                .exec(this::afterRefresh)
                                .doIf(session -> session.getBoolean("refreshing")).then(pauseMs(1000, 3000)));
    }

    /** How many sessions the open pages refresh at the same time at most ({@link #keeper}). */
    private static final int KEEPERS = 8;

    /**
     * The buyers' open pages keeping their sessions alive: the web client refreshes a session on a timer shortly
     * before its access token ends (gateway-service {@code web/app/api.js}), whether its buyer is doing something or
     * waiting, so a population of buyers refreshes spread as their logins were. Without it a session is refreshed
     * only when a journey takes it, and the buyers a step adds all refresh in that step's first minute. Its refreshes
     * count in the step they fall in (the pre-sale's only in Gatling's own report); a journey still refreshes a
     * session the keeper has not got to.
     */
    private final ScenarioBuilder keeper = scenario("session keeper " + profile)
            .asLongAs(session -> !stats.planOver()).on(
                    exec(session -> {
                        Buyers.Buyer due = buyers.claimDue(System.currentTimeMillis());
                        return due == null ? session.set("refreshing", false)
                                : session.set("email", due.email).set("oldRefreshToken", due.refreshToken())
                                        .set("refreshing", true);
                    })
                            .doIfOrElse(session -> session.getBoolean("refreshing"))
                            .then(refreshSession((millis, status, ok) -> {
                                if (stats.started()) {
                                    stats.request(millis, status, ok);
                                }
                            }))
                            .orElse(pause(Duration.ofSeconds(1))));

    /**
     * After a refresh: the new session, or — when the service was busy or did not answer (a 5xx, a 429, nothing) — the
     * same refresh token again after a pause, as a client honouring {@code Retry-After} does, up to
     * {@link #REFRESH_ATTEMPTS} times; only a refused token (or a service busy for that long) ends the session, and
     * the buyer logs in. Dropping the session on a {@code 503 service-busy} would turn the shedding of a busy
     * user-service into password logins, the most expensive request it has.
     */
    private Session afterRefresh(Session session) {
        Buyers.Buyer buyer = buyers.get(session.getString("email"));
        if (session.contains("newToken")) {
            buyer.refreshed(session.getString("newToken"), session.getString("refreshToken"),
                    session.getLong("expiresIn"), System.currentTimeMillis());
            return session.set("token", session.getString("newToken")).set("refreshing", false);
        }
        Integer status = session.contains("st") ? session.getInt("st") : null;
        int attempts = session.getInt("refreshAttempts") + 1;
        boolean busy = status == null || status >= 500 || status == 429;
        if (busy && attempts < REFRESH_ATTEMPTS) {
            return session.set("refreshAttempts", attempts);
        }
        buyer.refreshFailed();
        return session.set("refreshing", false);
    }

    private static final int REFRESH_ATTEMPTS = 6;

    /** A buyer's POST; behind a waiting room it carries the buyer's pass (the gateway and booking check it on holds). */
    private HttpRequestActionBuilder post(String name, String path, io.gatling.javaapi.core.Body body) {
        HttpRequestActionBuilder post = http(name).post(path).header("Authorization", "Bearer #{token}")
                .header("Idempotency-Key", session -> UUID.randomUUID().toString()).body(body);
        return queued ? post.header(PASS_HEADER, "#{pass}") : post;
    }

    /** A waiting room call, timed apart from the journey's requests; leaves the place's status in the session. */
    private ChainBuilder queueCall(HttpRequestActionBuilder request, Integer... ok) {
        return exec(session -> session.remove("queueStatus").remove("position").remove("pollAfter"))
                .exec(timed(stats::queueRequest, request.header("Authorization", "Bearer #{token}")
                        .check(jsonPath("$.status").optional().saveAs("queueStatus"),
                                jsonPath("$.position").optional().saveAs("position"),
                                jsonPath("$.pass").optional().saveAs("pass"),
                                jsonPath("$.pollAfterSeconds").ofInt().optional().saveAs("pollAfter")), ok))
                .exec(session -> {
                    if ("WAITING".equals(session.getString("queueStatus")) && !session.contains("position")) {
                        stats.positionless();
                    }
                    return session;
                });
    }

    /**
     * The waiting room: take a place, then ask again when told until let in (a place lost meanwhile — another
     * virtual user of the same account left — is taken again). Records the wait of a buyer let in.
     */
    private ChainBuilder queue() {
        String path = "/api/v1/waiting-room/events/" + eventId;
        return exec(session -> session.set("queueStart", System.currentTimeMillis()).remove("pass"))
                .exec(queueCall(http("queue join").post(path), 200))
                .asLongAs(session -> !"ADMITTED".equals(session.getString("queueStatus"))
                        && System.currentTimeMillis() - session.getLong("queueStart") < MAX_QUEUE_MILLIS
                        && !stats.planOver()).on(
                        pause(session -> Duration.ofSeconds(session.contains("pollAfter") ? session.getInt("pollAfter") : 5)
                                .plusMillis(ThreadLocalRandom.current().nextLong(500)))
                                // A wait can outlast the access token: the session is refreshed as on any other step.
                                .exec(takeSession)
                                .exec(queueCall(http("queue poll").get(path), 200, 404))
                                .doIf(session -> session.contains("st") && session.getInt("st") == 404).then(
                                        queueCall(http("queue join").post(path), 200)))
                .exec(session -> {
                    if ("ADMITTED".equals(session.getString("queueStatus"))) {
                        stats.admitted(System.currentTimeMillis() - session.getLong("queueStart"));
                    } else if (stats.planOver()) {
                        stats.stillWaitingAtEnd();
                    }
                    return session;
                });
    }

    /** Gives the place up at the end of a journey, so that the account's next journey queues again. */
    private ChainBuilder leaveQueue() {
        return queued ? timed(stats::queueRequest, http("queue leave").delete("/api/v1/waiting-room/events/" + eventId)
                .header("Authorization", "Bearer #{token}"), 204) : exec(session -> session);
    }

    /** Ends the journey (leaving the queue first) when {@code condition} holds. */
    private ChainBuilder exitLeaving(java.util.function.Function<Session, Boolean> condition) {
        return doIf(condition).then(exec(leaveQueue()).exitHere());
    }

    /**
     * A buyer's step that must not be lost to a busy platform (checkout, payment): sent with one Idempotency-Key
     * and, after a 5xx or no answer, sent again with the same key (after the back-off of {@link #timed}), at most
     * three times — what a buyer holding seats does, and safe because the key makes the retry return the first
     * answer instead of acting twice. Leaves the session's {@code serverFailed} of the last attempt.
     */
    private ChainBuilder retried(String name, String path, io.gatling.javaapi.core.Body body, String saveId,
            Integer... ok) {
        String key = name.replace(' ', '-') + "Key";
        return exec(session -> session.set(key, UUID.randomUUID().toString()).set("tries", 0)
                        .set("serverFailed", true).remove(saveId))
                .asLongAs(session -> !session.contains(saveId) && session.getBoolean("serverFailed")
                        && session.getInt("tries") < 3).on(
                        exec(timed(http(name).post(path).header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", "#{" + key + "}").body(body)
                                .check(jsonPath("$.id").optional().saveAs(saveId)), ok))
                                .exec(session -> session.set("tries", session.getInt("tries") + 1)));
    }

    private ChainBuilder pauseMs(int min, int max) {
        return pause(Duration.ofMillis((long) (min * think)), Duration.ofMillis((long) (max * think)));
    }

    private Session chooseHold(Session session) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int quantity = 1 + random.nextInt(4);
        double dice = random.nextDouble();
        // After a conflict a buyer tries something else: never the same kind of choice twice in a row.
        String previous = session.contains("mode") ? session.getString("mode") : "";
        String mode = dice < 0.45 ? "best" : dice < 0.7 ? "specific" : "ga";
        if (mode.equals(previous)) {
            mode = mode.equals("ga") ? "best" : "ga";
        }
        if (standing.isEmpty() || standing.getFirst().isBlank()) {
            mode = mode.equals("ga") ? "best" : mode;
        }
        String section = mode.equals("ga") ? standing.get(random.nextInt(standing.size()))
                : seated.get(random.nextInt(seated.size()));
        return session.set("mode", mode).set("section", section).set("qty", quantity);
    }

    private ChainBuilder holdAttempt() {
        ChainBuilder best = timed(post("hold", "/api/v1/holds", StringBody(
                "{\"eventId\":\"" + eventId + "\",\"bestAvailable\":{\"sectionId\":\"#{section}\",\"quantity\":#{qty}}}"))
                .check(jsonPath("$.id").optional().saveAs("holdId"),
                        jsonPath("$.quantity").ofInt().optional().saveAs("holdTickets")), 201, 409, 422);
        ChainBuilder ga = timed(post("hold", "/api/v1/holds", StringBody(
                "{\"eventId\":\"" + eventId + "\",\"generalAdmission\":{\"sectionId\":\"#{section}\",\"quantity\":#{qty}}}"))
                .check(jsonPath("$.id").optional().saveAs("holdId"),
                        jsonPath("$.quantity").ofInt().optional().saveAs("holdTickets")), 201, 409, 422);
        ChainBuilder specific = timed(http("seat map").get("/api/v1/events/" + eventId + "/sections/#{section}/seats")
                .check(jsonPath("$.seats[?(@.available == true)].seatId").findRandom(8, false).optional()
                        .saveAs("free")), 200)
                .exec(session -> {
                    List<String> free = session.contains("free") ? session.getList("free") : List.of();
                    int quantity = Math.min(session.getInt("qty"), free.size());
                    return session.set("seatIds", new ArrayList<>(free.subList(0, quantity)));
                })
                .doIf(session -> !session.<String>getList("seatIds").isEmpty()).then(
                        timed(post("hold", "/api/v1/holds", StringBody(session -> "{\"eventId\":\"" + eventId
                                + "\",\"seatIds\":[\"" + String.join("\",\"", session.<String>getList("seatIds"))
                                + "\"]}")).check(jsonPath("$.id").optional().saveAs("holdId"),
                        jsonPath("$.quantity").ofInt().optional().saveAs("holdTickets")), 201, 409, 422));
        return exec(session -> chooseHold(session).remove("holdId").remove("holdTickets").remove("free"))
                .doSwitch("#{mode}").on(
                        io.gatling.javaapi.core.CoreDsl.onCase("best").then(best),
                        io.gatling.javaapi.core.CoreDsl.onCase("ga").then(ga),
                        io.gatling.javaapi.core.CoreDsl.onCase("specific").then(specific))
                .exec(session -> {
                    // A conflict is someone else having been faster (409/422, or no free seat left on the seat map);
                    // a hold that got no answer or a 5xx is an error, already counted as one.
                    Integer status = session.contains("st") ? session.getInt("st") : null;
                    boolean noSeatLeft = "specific".equals(session.getString("mode"))
                            && session.<String>getList("seatIds").isEmpty() && status != null && status == 200;
                    if (session.contains("holdId")) {
                        stats.hold(true);
                    } else if (noSeatLeft || (status != null && (status == 409 || status == 422))) {
                        stats.hold(false);
                    }
                    return session.set("attempts", session.getInt("attempts") + 1);
                });
    }

    private final ChainBuilder buyer = exec(takeSession)
            .exitHereIf(session -> !session.contains("token"))
            .exec(queued ? queue() : exec(session -> session))
            .exec(exitLeaving(session -> queued && !"ADMITTED".equals(session.getString("queueStatus"))))
            .exec(pauseMs(500, 1500))
            .exec(timed(http("event").get("/api/v1/events/" + eventId), 200))
            .exec(timed(http("availability").get("/api/v1/events/" + eventId + "/availability")
                    .check(jsonPath("$.sections[*].available").ofInt().findAll().optional().saveAs("available")), 200))
            .exec(session -> {
                if (session.contains("available")
                        && session.<Integer>getList("available").stream().mapToInt(Integer::intValue).sum() == 0) {
                    stats.soldOut();
                }
                return session.set("attempts", 0);
            })
            .exec(pauseMs(1000, 3000))
            .asLongAs(session -> !session.contains("holdId") && session.getInt("attempts") < 3).on(
                    exec(holdAttempt()).doIf(session -> !session.contains("holdId")).then(pauseMs(200, 800)))
            // Nothing held: with the event's waiting list on, the buyer lines up for the section they last tried (409 when
            // it still has tickets, or the account already waits there).
            .doIf(session -> waitingList && !session.contains("holdId") && session.contains("section")).then(
                    timed(post("waiting list join", "/api/v1/waiting-lists", StringBody("{\"eventId\":\"" + eventId
                            + "\",\"sectionId\":\"#{section}\",\"quantity\":1}")), 201, 409))
            .exec(exitLeaving(session -> !session.contains("holdId")))
            .exec(pauseMs(1000, 2000))
            .exec(retried("order", "/api/v1/orders", StringBody("{\"holdId\":\"#{holdId}\"}"), "orderId", 201))
            .exec(session -> session.contains("orderId") && session.contains("holdTickets")
                    ? session.set("tickets", session.getInt("holdTickets")) : session)
            .exec(exitLeaving(session -> !session.contains("orderId")))
            .exec(pauseMs(1000, 3000))
            .exec(session -> {
                double dice = ThreadLocalRandom.current().nextDouble();
                return session.set("action", dice < cancelShare ? "cancel"
                        : dice < cancelShare + declineShare ? DECLINING_CARD : SUCCEEDING_CARD);
            })
            .doIfEqualsOrElse("#{action}", "cancel").then(
                    exec(timed(post("cancel pending", "/api/v1/orders/#{orderId}/cancel", StringBody("{}")), 200))
                            .exec(session -> {
                                stats.cancel();
                                return session;
                            })
                            .exec(leaveQueue())
                            .exitHere())
            .orElse(
                    // The buyer's browser gives the card to the provider and pays with the token it answers.
                    exec(http("tokenize card").post(sandbox + "/sandbox/v1/tokens")
                            .body(StringBody("{\"number\":\"#{action}\",\"expMonth\":12,\"expYear\":2030,"
                                    + "\"cvc\":\"123\"}"))
                            .check(status().is(201), jsonPath("$.id").saveAs("paymentMethod")))
                            .exitHereIf(session -> !session.contains("paymentMethod"))
                            .exec(retried("payment", "/api/v1/payments", StringBody(
                                    "{\"orderId\":\"#{orderId}\",\"paymentMethod\":\"#{paymentMethod}\"}"),
                                    "paymentId", 201)))
            // A payment refused three times (the platform busy): the buyer gives up; the hold expires.
            .exec(exitLeaving(session -> !session.contains("paymentId")))
            .exec(session -> session.set("orderStatus", "PENDING_PAYMENT").set("polls", 0))
            .asLongAs(session -> "PENDING_PAYMENT".equals(session.getString("orderStatus"))
                    && session.getInt("polls") < 30).on(
                    pause(Duration.ofMillis(1000))
                            .exec(timed(http("order status").get("/api/v1/orders/#{orderId}")
                                    .header("Authorization", "Bearer #{token}")
                                    .check(jsonPath("$.status").optional().saveAs("orderStatus")), 200))
                            .exec(session -> session.set("polls", session.getInt("polls") + 1)))
            .exec(session -> {
                String status = session.getString("orderStatus");
                if ("CONFIRMED".equals(status)) {
                    stats.sale(session.contains("tickets") ? session.getInt("tickets") : 0);
                } else if ("FAILED".equals(status)) {
                    stats.decline();
                }
                return session;
            })
            .doIf(session -> "CONFIRMED".equals(session.getString("orderStatus"))).then(
                    exec(pauseMs(500, 1500))
                            .exec(timed(http("tickets").get("/api/v1/tickets?orderId=#{orderId}")
                                    .header("Authorization", "Bearer #{token}"), 200))
                            // A few paid buyers change their mind inside the refund window: refunds in the books.
                            .doIf(session -> ThreadLocalRandom.current().nextDouble() < cancelShare / 2).then(
                                    exec(timed(post("cancel paid", "/api/v1/orders/#{orderId}/cancel",
                                            StringBody("{}")), 200))
                                            .exec(session -> {
                                                stats.cancel();
                                                return session;
                                            })))
            .exec(leaveQueue());

    private final ScenarioBuilder onSale = scenario("on-sale " + profile)
            .feed(listFeeder(limited(csv(seedDir.resolve("buyers.csv").toAbsolutePath().toString()).readRecords()))
                    .circular())
            .exec(buyer);

    /** The first {@code buyerLimit} buyers (all when 0): the warm-up buys with a few, the pre-sale of the rest stays
     * right before the measured sale. */
    private <T> List<T> limited(List<T> all) {
        return buyerLimit > 0 && buyerLimit < all.size() ? all.subList(0, buyerLimit) : all;
    }

    {
        List<ClosedInjectionStep> injection = new ArrayList<>();
        int previous = 0;
        for (StepStats.Step step : stats.steps()) {
            injection.add(rampConcurrentUsers(previous).to(step.users()).during(Duration.ofSeconds(step.rampSeconds())));
            injection.add(constantConcurrentUsers(step.users()).during(Duration.ofSeconds(step.holdSeconds())));
            previous = step.users();
        }
        PopulationBuilder sale = onSale.injectClosed(injection);
        // Before the sale opens: one virtual user per buyer without a session, started at loginRate per second.
        Set<Object> feeding = limited(csv(seedDir.resolve("buyers.csv").toAbsolutePath().toString()).readRecords())
                .stream().map(record -> record.get("email")).collect(java.util.stream.Collectors.toSet());
        List<Map<String, Object>> waiting = buyers.withoutSession(System.currentTimeMillis()).stream()
                .filter(b -> feeding.contains(b.email))
                .map(b -> Map.<String, Object>of("email", b.email, "password", b.password)).toList();
        if (waiting.isEmpty()) {
            setUp(sale, keeper.injectOpen(atOnceUsers(KEEPERS))).protocols(protocol);
        } else {
            ScenarioBuilder presale = scenario("pre-sale logins " + profile).feed(waiting.iterator())
                    .exec(login(stats::presale, PRESALE_LOGIN_ATTEMPTS));
            long millis = Math.max(1000, (long) (waiting.size() * 1000 / loginRate));
            setUp(presale.injectOpen(rampUsers(waiting.size()).during(Duration.ofMillis(millis))).andThen(sale),
                    keeper.injectOpen(atOnceUsers(KEEPERS))).protocols(protocol);
        }
    }

    @Override
    public void after() {
        try {
            stats.write(Path.of(System.getProperty("out", "target/report/" + profile)), profile);
            buyers.write(seedDir.resolve("tokens.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("run the seed step first (load-test/run-benchmark.sh): " + file, e);
        }
        return properties;
    }
}
