package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.analytics.ScriptedSale.Buyer;
import org.boxoffice.analytics.ScriptedSale.Fate;
import org.boxoffice.analytics.ScriptedSale.Section;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

/** An event's capacity grows when its organizer adds tickets to an area ({@code EventCapacityAdded}). */
@IntegrationTest
class CapacityAddedIT {

    private static final Instant OPENS = Instant.parse("2026-05-01T18:00:00Z");

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    @Test
    void sellThroughCountsTheCapacityTheOrganizerAdded() throws Exception {
        AnalyticsTestClient client = new AnalyticsTestClient(port, redis);
        ScriptedSale sale = new ScriptedSale(UUID.randomUUID(), UUID.randomUUID(), "EUR", OPENS, 4, List.of(
                new Buyer(0, 4, 3_000, "Standing", new Section(UUID.randomUUID(), "Floor"), Fate.PAID)));
        List<ScriptedSale.Event> events = new ArrayList<>(sale.events());
        events.add(new ScriptedSale.Event("booking-service", UUID.randomUUID(), "EventCapacityAdded",
                OPENS.plusSeconds(600), sale.eventId().toString(), Map.of("eventId", sale.eventId().toString(),
                        "organizationId", sale.organizationId().toString(), "sectionId", UUID.randomUUID().toString(),
                        "added", 4, "capacity", 8, "addedAt", OPENS.plusSeconds(600).toString())));

        events.forEach(client::append);
        client.awaitDrained();

        JsonNode report = client.getJson("/api/v1/admin/analytics/events/" + sale.eventId(),
                TestTokens.organizer(sale.organizationId()));
        assertThat(report.path("capacity").asInt()).isEqualTo(8);
        assertThat(report.path("sellThroughPercent").decimalValue()).isEqualByComparingTo("50");
        assertThat(report.path("soldOutAt").isNull()).as("not sold out at the new capacity").isTrue();
    }
}
