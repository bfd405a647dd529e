package org.boxoffice.analytics;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.boxoffice.analytics.ScriptedSale.Buyer;
import org.boxoffice.analytics.ScriptedSale.Fate;
import org.boxoffice.analytics.ScriptedSale.Section;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.analytics.AnalyticsTestClient.await;
import static org.boxoffice.analytics.AnalyticsTestClient.problem;
import static org.boxoffice.analytics.AnalyticsTestClient.send;

/**
 * The read model against the truth: a scripted sale with declines, expiries and refunds is appended to the real
 * booking and payment streams, consumed through the real event bus, and the numbers the API answers are compared
 * with the figures the script computes on its own — before and after a redelivery and a full rebuild.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsIT {

    private static final JsonMapper JSON = AnalyticsTestClient.JSON;
    private static final List<String> STREAMS = AnalyticsTestClient.STREAMS;

    private static final Section PIT = new Section(UUID.randomUUID(), "Pit \"A\", left");
    private static final Section BALCONY = new Section(UUID.randomUUID(), "Balcony");
    private static final Instant OPENS = Instant.parse("2026-03-01T10:00:00Z");

    private final ScriptedSale sale = new ScriptedSale(UUID.randomUUID(), UUID.randomUUID(), "EUR", OPENS, 40, List.of(
            new Buyer(0, 2, 5_000, "Floor, standing", PIT, Fate.PAID),
            new Buyer(0, 1, 7_500, "Balcony", BALCONY, Fate.DECLINED_THEN_PAID),
            new Buyer(0, 3, 5_000, "Floor, standing", PIT, Fate.DECLINED_THEN_EXPIRED),
            new Buyer(1, 2, 7_500, "Balcony", BALCONY, Fate.PAID_THEN_REFUNDED),
            new Buyer(1, 1, 5_000, "Floor, standing", PIT, Fate.HOLD_EXPIRED),
            new Buyer(2, 4, 5_000, "=Floor", PIT, Fate.PAID),
            new Buyer(2, 1, 7_500, "Balcony", BALCONY, Fate.HOLD_RELEASED),
            new Buyer(4, 2, 7_500, "Balcony", BALCONY, Fate.PAID)));

    /** Another organization's event, in another currency: three seats, sold out by its only buyer. */
    private final ScriptedSale other = new ScriptedSale(UUID.randomUUID(), UUID.randomUUID(), "USD", OPENS, 3,
            List.of(new Buyer(0, 3, 2_000, "General", new Section(UUID.randomUUID(), "Floor"), Fate.PAID)));

    private List<ScriptedSale.Event> published;

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    private AnalyticsTestClient client;

    @BeforeAll
    void publishTheSale() {
        client = new AnalyticsTestClient(port, redis);
        // The class's clean state flushed Redis, and the consumer groups with it: the service's readers recreate
        // them from each stream's beginning, so the events appended below are all read.
        published = new java.util.ArrayList<>(sale.events());
        published.addAll(other.events());
        published.forEach(client::append);
        client.awaitDrained();
    }

    @Test
    void reportMatchesTheScriptedSale() throws Exception {
        JsonNode report = client.getJson("/api/v1/admin/analytics/events/" + sale.eventId(),
                TestTokens.organizer(sale.organizationId()));
        JsonNode figures = report.path("figures");

        assertThat(report.path("organizationId").asString()).isEqualTo(sale.organizationId().toString());
        assertThat(figures.path("holdsPlaced").asLong()).isEqualTo(sale.buyers().size());
        assertThat(figures.path("holdsExpired").asLong()).isEqualTo(sale.count(f -> f == Fate.HOLD_EXPIRED));
        assertThat(figures.path("holdsReleased").asLong()).isEqualTo(sale.count(f -> f == Fate.HOLD_RELEASED));
        assertThat(figures.path("checkouts").asLong()).isEqualTo(sale.count(Fate::checksOut));
        assertThat(figures.path("paidOrders").asLong()).isEqualTo(sale.count(Fate::pays));
        assertThat(figures.path("ordersExpired").asLong()).isEqualTo(sale.count(f -> f == Fate.DECLINED_THEN_EXPIRED));
        assertThat(figures.path("cancellations").asLong()).isEqualTo(sale.count(f -> f == Fate.PAID_THEN_REFUNDED));
        assertThat(figures.path("paymentsSucceeded").asLong()).isEqualTo(sale.count(Fate::pays));
        assertThat(figures.path("paymentsFailed").asLong()).isEqualTo(sale.count(Fate::declined));
        assertThat(figures.path("ticketsSold").asLong()).isEqualTo(sale.ticketsSold());
        assertThat(figures.path("refunds").asLong()).isEqualTo(sale.count(f -> f == Fate.PAID_THEN_REFUNDED));
        assertThat(figures.path("holdToPaidConversion").decimalValue())
                .isEqualByComparingTo(ratio(sale.count(Fate::pays), sale.buyers().size()));
        long succeeded = sale.count(Fate::pays);
        assertThat(figures.path("paymentSuccessRatio").decimalValue())
                .isEqualByComparingTo(ratio(succeeded, succeeded + sale.count(Fate::declined)));
        JsonNode revenue = figures.path("revenue");
        assertThat(revenue).hasSize(1);
        assertThat(revenue.get(0).path("currency").asString()).isEqualTo("EUR");
        assertThat(revenue.get(0).path("grossMinor").asLong()).isEqualTo(sale.grossMinor());
        assertThat(revenue.get(0).path("refundedMinor").asLong()).isEqualTo(sale.refundedMinor());
        assertThat(revenue.get(0).path("netMinor").asLong()).isEqualTo(sale.grossMinor() - sale.refundedMinor());

        Map<String, long[]> tiers = new LinkedHashMap<>();
        report.path("tiers").forEach(t -> tiers.put(t.path("tierName").asString(),
                new long[] { t.path("ticketsSold").asLong(), t.path("revenueMinor").asLong() }));
        assertThat(tiers).containsOnlyKeys(sale.tiers().keySet());
        sale.tiers().forEach((tier, expected) -> assertThat(tiers.get(tier)).as(tier).containsExactly(expected));
        long pitTickets = sale.buyers().stream().filter(b -> b.fate().keepsTickets() && b.section() == PIT)
                .mapToLong(Buyer::quantity).sum();
        assertThat(report.path("sections").valueStream()
                .filter(s -> s.path("sectionId").asString().equals(PIT.id().toString()))
                .map(s -> s.path("ticketsSold").asLong())).containsExactly(pitTickets);

        assertThat(report.path("capacity").asInt()).as("from EventPublished").isEqualTo(sale.capacity());
        assertThat(report.path("sellThroughPercent").decimalValue()).isEqualByComparingTo(sale.sellThroughPercent());
        assertThat(report.path("soldOutAt").isNull()).as("tickets are left").isTrue();
        assertThat(report.path("saleStartedAt").asString()).isEqualTo(OPENS.toString());
    }

    @Test
    void aSoldOutEventReportsWhenAndHowFastItSoldOut() throws Exception {
        JsonNode report = client.getJson("/api/v1/admin/analytics/events/" + other.eventId(),
                TestTokens.organizer(other.organizationId()));

        assertThat(report.path("sellThroughPercent").decimalValue()).isEqualByComparingTo("100");
        // Its buyer held at the opening and was confirmed 45 s later, with the third and last ticket.
        assertThat(report.path("soldOutAt").asString()).isEqualTo(OPENS.plusSeconds(45).toString());
        assertThat(report.path("timeToSellOutSeconds").asLong()).isEqualTo(45);
    }

    @Test
    void timeSeriesCountsEachMinuteOfTheSale() throws Exception {
        JsonNode series = client.getJson("/api/v1/admin/analytics/events/" + sale.eventId() + "/timeseries?from="
                + OPENS + "&to=" + OPENS.plusSeconds(300) + "&granularity=minute",
                TestTokens.organizer(sale.organizationId()));

        assertThat(series.path("points")).hasSize(5);
        for (int minute = 0; minute < 5; minute++) {
            int m = minute;
            List<Buyer> buyers = sale.buyers().stream().filter(b -> b.minute() == m).toList();
            JsonNode point = series.path("points").get(minute);
            assertThat(point.path("start").asString()).isEqualTo(OPENS.plusSeconds(60L * minute).toString());
            assertThat(point.path("holds").asLong()).as("holds at minute %d", m).isEqualTo(buyers.size());
            assertThat(point.path("orders").asLong()).isEqualTo(buyers.stream().filter(b -> b.fate().checksOut()).count());
            assertThat(point.path("paidOrders").asLong()).isEqualTo(buyers.stream().filter(b -> b.fate().pays()).count());
            assertThat(point.path("ticketsSold").asLong()).isEqualTo(
                    buyers.stream().filter(b -> b.fate().pays()).mapToLong(Buyer::quantity).sum());
            assertThat(point.path("revenueMinor").path("EUR").asLong(0)).isEqualTo(
                    buyers.stream().filter(b -> b.fate().pays()).mapToLong(Buyer::totalMinor).sum());
        }
    }

    @Test
    void exportsTheSalesAsEscapedCsv() throws Exception {
        HttpResponse<String> response = client.get("/api/v1/admin/analytics/events/" + sale.eventId() + "/export.csv",
                TestTokens.organizer(sale.organizationId()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                disposition -> assertThat(disposition).contains("attachment"));
        long balcony = sale.buyers().stream().filter(b -> b.fate().keepsTickets() && b.tier().equals("Balcony"))
                .mapToLong(Buyer::quantity).sum();
        assertThat(response.body().split("\r\n")).containsExactly(
                "event_id,section_id,section_name,tier_name,currency,tickets_sold,revenue_minor,discount_minor,"
                        + "fee_minor,tax_minor,paid_minor",
                line(BALCONY, "Balcony", "Balcony", balcony, balcony * 7_500) + ",0,0,"
                        + balcony * ScriptedSale.balconyTax(7_500) + "," + balcony * 7_500,
                // Tickets of events from before booking sent the shares: the price counts as paid, nothing else.
                line(PIT, "\"Pit \"\"A\"\", left\"", "'=Floor", 4, 20_000) + ",0,0,0,20000",
                line(PIT, "\"Pit \"\"A\"\", left\"", "\"Floor, standing\"", 2, 10_000) + ",0,0,0,10000");
    }

    @Test
    void aRedeliveredEventIsNotCountedTwice() throws Exception {
        JsonNode before = eventReport();
        // The producer's relay may publish an event again (it died between XADD and commit): same id, new entry.
        published.stream().filter(e -> e.type().equals("PaymentSucceeded") || e.type().equals("OrderConfirmed")
                || e.type().equals("HoldPlaced")).forEach(client::append);
        client.awaitDrained();

        assertThat(eventReport()).isEqualTo(before);
    }

    @Test
    void aRebuildReplaysTheHistoryToIdenticalNumbers() throws Exception {
        JsonNode event = eventReport();
        JsonNode summary = client.getJson("/api/v1/admin/analytics/summary", TestTokens.admin());

        HttpResponse<String> rebuild = send(client.request("/api/v1/admin/analytics/rebuild", TestTokens.admin())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(rebuild.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(rebuild.body()).path("streams").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(STREAMS);
        client.awaitDrained();

        assertThat(eventReport()).isEqualTo(event);
        assertThat(client.getJson("/api/v1/admin/analytics/summary", TestTokens.admin())).isEqualTo(summary);
    }

    @Test
    void adminSummaryAddsUpEveryOrganizationPerCurrency() throws Exception {
        JsonNode summary = client.getJson("/api/v1/admin/analytics/summary", TestTokens.admin());

        assertThat(summary.path("events").asLong()).isEqualTo(2);
        assertThat(summary.path("organizations").asLong()).isEqualTo(2);
        assertThat(summary.path("figures").path("ticketsSold").asLong())
                .isEqualTo(sale.ticketsSold() + other.ticketsSold());
        assertThat(summary.path("figures").path("revenue").valueStream()
                .map(r -> r.path("currency").asString() + "=" + r.path("netMinor").asLong()))
                .containsExactly("EUR=" + (sale.grossMinor() - sale.refundedMinor()), "USD=" + other.grossMinor());
    }

    @Test
    void exportsBusinessMetricsFromTheReadModel() throws Exception {
        long tickets = sale.buyers().stream().filter(b -> b.fate().pays()).mapToLong(Buyer::quantity).sum()
                + other.ticketsSold();
        await(() -> metric("boxoffice_tickets_sold_total", "") == tickets
                && metric("boxoffice_revenue_minor_total", "currency=\"EUR\"") == sale.grossMinor());

        assertThat(metric("boxoffice_holds_total", "")).isEqualTo(sale.buyers().size() + other.buyers().size());
        assertThat(metric("boxoffice_revenue_minor_total", "currency=\"USD\"")).isEqualTo(other.grossMinor());
        long succeeded = sale.count(Fate::pays) + other.count(Fate::pays);
        assertThat(metric("boxoffice_sale_payment_outcomes_total", "outcome=\"failed\""))
                .isEqualTo(sale.count(Fate::declined));
        assertThat(metric("boxoffice_payment_success_ratio", ""))
                .isCloseTo((double) succeeded / (succeeded + sale.count(Fate::declined)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anOrganizerOfAnotherOrganizationFindsNothing() throws Exception {
        String stranger = TestTokens.organizer(other.organizationId());
        for (String path : List.of("", "/timeseries", "/export.csv", "/codes", "/codes/export.csv")) {
            HttpResponse<String> response = client.get("/api/v1/admin/analytics/events/" + sale.eventId() + path,
                    stranger);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("type").asString())
                    .isEqualTo("https://boxoffice.dev/problems/event-not-found");
        }
    }

    @Test
    void buyersAndOrganizersCannotReachAdminOnlyOrOrganizerNumbers() throws Exception {
        assertThat(client.get("/api/v1/admin/analytics/events/" + sale.eventId(), TestTokens.buyer()).statusCode())
                .isEqualTo(403);
        String organizer = TestTokens.organizer(sale.organizationId());
        HttpResponse<String> summary = client.get("/api/v1/admin/analytics/summary", organizer);
        assertThat(summary.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(summary.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/forbidden");
        assertThat(send(client.request("/api/v1/admin/analytics/rebuild", organizer)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(403);
    }

    @Test
    void refusesBadTimeSeriesParametersPrecisely() throws Exception {
        String organizer = TestTokens.organizer(sale.organizationId());
        String series = "/api/v1/admin/analytics/events/" + sale.eventId() + "/timeseries";

        JsonNode backwards = problem(client.get(series + "?from=" + OPENS.plusSeconds(60) + "&to=" + OPENS,
                organizer), 400);
        assertThat(backwards.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/invalid-time-range");

        JsonNode granularity = problem(client.get(series + "?granularity=fortnight", organizer), 400);
        assertThat(granularity.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/invalid-parameter");
        assertThat(granularity.path("parameter").asString()).isEqualTo("granularity");
        assertThat(granularity.path("detail").asString()).contains("minute, hour, day");

        JsonNode from = problem(client.get(series + "?from=" + URLEncoder.encode("yesterday", StandardCharsets.UTF_8),
                organizer), 400);
        assertThat(from.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/invalid-parameter");
        assertThat(from.path("parameter").asString()).isEqualTo("from");

        JsonNode tooLong = problem(client.get(series + "?from=" + OPENS + "&to=" + OPENS.plus(Duration.ofDays(30)),
                organizer), 400);
        assertThat(tooLong.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/time-range-too-large");

        JsonNode badId = problem(client.get("/api/v1/admin/analytics/events/not-a-uuid", organizer), 400);
        assertThat(badId.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/invalid-parameter");
    }

    // --- helpers

    private JsonNode eventReport() throws Exception {
        return client.getJson("/api/v1/admin/analytics/events/" + sale.eventId(),
                TestTokens.organizer(sale.organizationId()));
    }

    private double metric(String name, String label) {
        try {
            String body = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .GET().build()).body();
            Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(body);
            while (line.find()) {
                if (line.group(1).contains(label)) {
                    return Double.parseDouble(line.group(2));
                }
            }
            return Double.NaN;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String line(Section section, String sectionName, String tier, long tickets, long revenue) {
        return String.join(",", sale.eventId().toString(), section.id().toString(), sectionName, tier, "EUR", Long.toString(tickets),
                Long.toString(revenue));
    }

    private static java.math.BigDecimal ratio(long numerator, long denominator) {
        return java.math.BigDecimal.valueOf(numerator).divide(java.math.BigDecimal.valueOf(denominator), 4,
                java.math.RoundingMode.HALF_EVEN);
    }
}
