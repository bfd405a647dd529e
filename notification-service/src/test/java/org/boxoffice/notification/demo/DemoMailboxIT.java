package org.boxoffice.notification.demo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.notification.Await;
import org.boxoffice.notification.Fixtures;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEvents;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** In demo mode the service runs its own SMTP server, and admins can list and open what it sent. */
@IntegrationTest(properties = { "boxoffice.demo.enabled=true", "boxoffice.events.poll-interval=50ms",
        "boxoffice.notification.delivery.poll-interval=50ms" })
class DemoMailboxIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.demo.mailbox.port", () -> SMTP_PORT);
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcClient jdbc;

    @Test
    void sentMailCanBeListedAndOpenedByAnAdmin() throws Exception {
        for (String stream : List.of("boxoffice.events.booking-service", "boxoffice.events.user-service")) {
            try {
                // The per-class Redis flush may have removed the consumer group (see NotificationTesting).
                redis.execute((RedisCallback<String>) connection -> connection.streamCommands().xGroupCreate(
                        stream.getBytes(), "notification-service", ReadOffset.from("0"), true));
            } catch (RuntimeException alreadyThere) {
                // BUSYGROUP: the consumer recreated it first.
            }
        }
        UUID buyer = UUID.randomUUID();
        TestEvents.publish(redis, UUID.randomUUID(), "user-service", "EmailVerified", buyer.toString(), """
                {"accountId":"%s","email":"eve@example.com","verifiedAt":"%s"}""".formatted(buyer, Instant.now()));
        Await.until(Duration.ofSeconds(20), "eve's address is verified", () -> jdbc.sql(
                "SELECT count(*) FROM verified_email WHERE buyer_id = ?").param(buyer).query(Long.class).single() == 1);
        UUID order = UUID.randomUUID();
        TestEvents.publish(redis, UUID.randomUUID(), "booking-service", "OrderConfirmed", order.toString(),
                Fixtures.orderConfirmed(order, UUID.randomUUID(), UUID.randomUUID(), buyer,
                        "eve@example.com", "TK-DEMO-0001"));

        String admin = TestTokens.admin();
        Await.until(Duration.ofSeconds(20), "the mailbox has the message",
                () -> JSON.readTree(listing(admin)).size() == 1);
        JsonNode listed = JSON.readTree(get("/api/v1/admin/notifications/mailbox", admin).body()).get(0);
        assertThat(listed.path("id").asInt()).isEqualTo(1);
        assertThat(listed.path("to").get(0).asString()).isEqualTo("eve@example.com");
        assertThat(listed.path("subject").asString()).isEqualTo("Your tickets for Surge Night");

        HttpResponse<String> eml = get("/api/v1/admin/notifications/mailbox/1", admin);
        assertThat(eml.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("message/rfc822"));
        assertThat(eml.body()).contains("Subject: Your tickets for Surge Night").contains("application/pdf");
        HttpResponse<String> html = get("/api/v1/admin/notifications/mailbox/1?format=html", admin);
        assertThat(html.body()).contains("TK-DEMO-0001").startsWith("<!DOCTYPE html>");

        assertThat(get("/api/v1/admin/notifications/mailbox/2", admin).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/admin/notifications/mailbox/1?format=pdf", admin).statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/admin/notifications/mailbox", TestTokens.organizer(UUID.randomUUID())).statusCode())
                .isEqualTo(403);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String listing(String token) {
        try {
            return get("/api/v1/admin/notifications/mailbox", token).body();
        } catch (IOException | InterruptedException e) {
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
}
