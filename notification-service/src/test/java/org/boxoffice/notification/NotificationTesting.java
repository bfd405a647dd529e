package org.boxoffice.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEvents;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on real PostgreSQL and Redis, sending to a real SMTP server (GreenMail, which the tests read)
 * and to a Twilio-like SMS provider (a JDK HTTP server whose answer a test chooses), fetching invoices from a stub of
 * booking-service's invoice endpoint ({@link BookingStub}). Every subclass shares one
 * application context: same servers, same settings.
 */
@IntegrationTest(properties = {
        "boxoffice.notification.delivery.max-attempts=3",
        "boxoffice.notification.delivery.initial-backoff=100ms",
        "boxoffice.notification.delivery.max-backoff=300ms",
        "boxoffice.notification.delivery.poll-interval=50ms",
        "boxoffice.notification.delivery.bulk-batch=10",
        "boxoffice.notification.delivery.bulk-pause=400ms",
        "boxoffice.notification.delivery.breaker.sliding-window-size=4",
        "boxoffice.notification.delivery.breaker.minimum-number-of-calls=4",
        "boxoffice.notification.delivery.breaker.wait-duration-in-open-state=1h",
        "boxoffice.notification.sms.account-sid=AC0123",
        "boxoffice.notification.sms.auth-token=test-secret",
        "boxoffice.notification.sms.from=+15550000001",
        "boxoffice.notification.whatsapp.account-sid=AC0123",
        "boxoffice.notification.whatsapp.auth-token=test-secret",
        "boxoffice.notification.whatsapp.from=+15550000002",
        "boxoffice.events.poll-interval=50ms",
        "resilience4j.circuitbreaker.instances.booking-service.wait-duration-in-open-state=1s" })
public abstract class NotificationTesting {

    protected static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final GreenMail SMTP;
    protected static final SmsProvider SMS = new SmsProvider();
    protected static final BookingStub BOOKING = new BookingStub();

    static {
        SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        SMTP.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("boxoffice.notification.sms.endpoint", () -> "http://127.0.0.1:" + SMS.port());
        // WhatsApp goes through the same Twilio-style API, with whatsapp:-prefixed numbers.
        registry.add("boxoffice.notification.whatsapp.endpoint", () -> "http://127.0.0.1:" + SMS.port());
        registry.add("boxoffice.notification.booking.url", () -> "http://127.0.0.1:" + BOOKING.port());
    }

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeEach
    void emptyMailboxAndProvider() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        SMS.reset(200);
        BOOKING.reset();
        // The per-class Redis flush deletes the streams and this service's consumer groups after the consumers
        // created them, and platform-support's consumer only recreates a group when NOGROUP is the top-level error
        // message (Lettuce nests it): recreate them as the consumer would, reading from the start.
        for (String producer : List.of("booking-service", "payment-service", "user-service")) {
            try {
                redis.execute((RedisCallback<String>) connection -> connection.streamCommands().xGroupCreate(
                        ("boxoffice.events." + producer).getBytes(StandardCharsets.UTF_8), "notification-service",
                        ReadOffset.from("0"), true));
            } catch (RuntimeException alreadyThere) {
                // BUSYGROUP: the group exists.
            }
        }
    }

    /** Appends an event to its producer's stream as the producer's outbox relay would: signed with its key. */
    protected UUID publish(String producer, String type, String key, String payload) {
        UUID id = UUID.randomUUID();
        publish(producer, id, type, key, payload);
        return id;
    }

    protected void publish(String producer, UUID id, String type, String key, String payload) {
        TestEvents.publish(redis, id, producer, type, key, payload);
    }

    /** The buyer verified their address with user-service: what its EmailVerified event tells this service. */
    protected void verifiedEmail(UUID buyer, String email) throws InterruptedException {
        publish("user-service", "EmailVerified", buyer.toString(), """
                {"accountId":"%s","email":"%s","verifiedAt":"%s"}""".formatted(buyer, email, Instant.now()));
        Await.until(Duration.ofSeconds(20), "the verified address is known", () -> jdbc.sql(
                "SELECT count(*) FROM verified_email WHERE buyer_id = ?").param(buyer).query(Long.class).single() == 1);
    }

    /**
     * The buyer confirms the phone number of their preferences as a person would: asks for a code, reads it from the
     * SMS (or WhatsApp message) the provider received, types it back. Leaves the provider's log empty.
     */
    protected void confirmPhone(String token, String phone) throws Exception {
        HttpResponse<String> sent = send("POST", "/api/v1/notifications/preferences/phone-verification", token, null);
        if (sent.statusCode() != 202) {
            throw new IllegalStateException("no code sent: " + sent.statusCode() + " " + sent.body());
        }
        String code = awaitCode(phone);
        HttpResponse<String> confirmed = send("POST", "/api/v1/notifications/preferences/phone-verification/confirm",
                token, "{\"code\":\"" + code + "\"}");
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("not confirmed: " + confirmed.statusCode() + " " + confirmed.body());
        }
        SMS.reset(200);
    }

    /** The code in the last message the phone provider received for {@code phone}. */
    protected static String awaitCode(String phone) throws InterruptedException {
        Await.until(Duration.ofSeconds(20), "the code reaches " + phone, () -> SMS.messagesTo(phone).stream()
                .anyMatch(text -> CODE.matcher(text).find()));
        java.util.regex.Matcher matcher = CODE.matcher(SMS.messagesTo(phone).getLast());
        if (!matcher.find()) {
            throw new IllegalStateException("no code in " + SMS.messagesTo(phone).getLast());
        }
        return matcher.group(1);
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("code is (\\d{6})");

    protected HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The plain-text body of an email, decoded. */
    protected static String plainText(jakarta.mail.Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = plainText(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Twilio-like messages API that answers with the status a test sets, and records what it was sent. */
    protected static final class SmsProvider {

        private final HttpServer server;
        private final AtomicInteger status = new AtomicInteger(200);
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final List<String> traceparents = new CopyOnWriteArrayList<>();

        SmsProvider() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/2010-04-01/Accounts/AC0123/Messages.json", exchange -> {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                int answer = status.get();
                byte[] body = (answer < 300 ? "{\"sid\":\"SM" + requests.size() + "\"}" : "{\"message\":\"upstream down\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        public void reset(int answer) {
            status.set(answer);
            requests.clear();
            authorizations.clear();
            traceparents.clear();
        }

        /** The {@code traceparent} header of each request ("null" when it had none). */
        public List<String> traceparents() {
            return List.copyOf(traceparents);
        }

        public List<String> requests() {
            return List.copyOf(requests);
        }

        public List<String> authorizations() {
            return List.copyOf(authorizations);
        }

        /** The texts sent to a number (SMS or WhatsApp), decoded, oldest first. */
        public List<String> messagesTo(String phone) {
            return requests.stream().map(form -> java.net.URLDecoder.decode(form, StandardCharsets.UTF_8))
                    .filter(form -> form.contains("To=" + phone + "&") || form.contains("To=whatsapp:" + phone + "&")
                            || form.endsWith("To=" + phone))
                    .toList();
        }
    }
}
