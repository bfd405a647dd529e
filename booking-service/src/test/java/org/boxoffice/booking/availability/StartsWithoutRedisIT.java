package org.boxoffice.booking.availability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.RedisProxy;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica that starts while Redis is unreachable (the proxy to it is cut before the application starts): it comes
 * up, stays in the load balancer (ready, Redis reported DEGRADED), sells through the database fence, and reports UP
 * once Redis answers again. Redis makes booking faster; it must never keep it from serving.
 */
@IntegrationTest
@Import(StartsWithoutRedisIT.ThroughCutProxy.class)
class StartsWithoutRedisIT {

    static final RedisProxy PROXY = cutProxy();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;

    @Value("${local.server.port}")
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughCutProxy {
        @Bean
        DataRedisConnectionDetails throughCutProxy() {
            return PROXY.connectionDetails();
        }
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void startsReadyAndSellsWithoutRedisThenReportsUpWhenItReturns() throws Exception {
        JsonNode readiness = readiness();
        assertThat(readiness.path("status").asString()).isEqualTo("DEGRADED");
        assertThat(readiness.path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
        assertThat(readiness.path("components").path("db").path("status").asString()).isEqualTo("UP");

        OnSale sale = new BookingFixture(venues, events).onSale(1, 10, 20, 4, 4);
        Hold hold = holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        assertThat(hold.quantity()).isEqualTo(2);

        PROXY.restore();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> readiness().path("status").asString().equals("UP"));
    }

    /** Kubernetes' view: the probe must answer 200 whatever Redis does. */
    private JsonNode readiness() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    private static RedisProxy cutProxy() {
        try {
            var redis = TestInfrastructure.get().redis();
            RedisProxy proxy = new RedisProxy(redis.host(), redis.port());
            proxy.cut();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
