package org.boxoffice.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.analytics.AnalyticsTestClient.problem;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.boxoffice.analytics.ScriptedSale.Buyer;
import org.boxoffice.analytics.ScriptedSale.Code;
import org.boxoffice.analytics.ScriptedSale.Fate;
import org.boxoffice.analytics.ScriptedSale.Section;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Sales per promo code (issue #22) against the truth: a scripted sale whose buyers check out with codes, without, and
 * as events from before booking sent the code, is appended to the real streams and consumed by the real bus; the
 * per-code figures, their CSV and a refund taking an order's figures back are compared with the script's own count.
 */
@IntegrationTest
class CodeSalesIT {

    private static final Section FLOOR = new Section(UUID.randomUUID(), "Floor");
    private static final Instant OPENS = Instant.parse("2026-04-01T18:00:00Z");
    private static final Code SPRING = new Code(UUID.randomUUID(), "SPRING-10", 500);
    private static final Code CREW = new Code(UUID.randomUUID(), "CREW", 1_000);

    private final ScriptedSale sale = new ScriptedSale(UUID.randomUUID(), UUID.randomUUID(), "EUR", OPENS, 100, List.of(
            new Buyer(0, 2, 5_000, "Standing", FLOOR, Fate.PAID, SPRING),
            new Buyer(0, 3, 5_000, "Standing", FLOOR, Fate.PAID_THEN_REFUNDED, SPRING),
            new Buyer(1, 1, 5_000, "Standing", FLOOR, Fate.DECLINED_THEN_EXPIRED, SPRING),
            new Buyer(1, 1, 5_000, "Standing", FLOOR, Fate.DECLINED_THEN_PAID, SPRING),
            new Buyer(2, 2, 5_000, "Standing", FLOOR, Fate.PAID, CREW),
            new Buyer(2, 4, 5_000, "Standing", FLOOR, Fate.PAID),
            new Buyer(3, 1, 5_000, "Standing", FLOOR, Fate.HOLD_EXPIRED, SPRING)));

    @Value("${local.server.port}")
    private int port;

    @Autowired
    private StringRedisTemplate redis;

    private AnalyticsTestClient client;

    @BeforeEach
    void client() {
        client = new AnalyticsTestClient(port, redis);
    }

    @Test
    void theOrganizerSeesEachCodesSalesARefundTakesThemBackAndNoOtherOrganizationSeesThem() throws Exception {
        // Everything but the refunded buyer's cancellation and refund first; those two afterwards.
        Map<Boolean, List<ScriptedSale.Event>> events = sale.events().stream().collect(Collectors.partitioningBy(
                e -> e.type().equals("OrderCancelled") || e.type().equals("RefundSucceeded")));
        String organizer = TestTokens.organizer(sale.organizationId());
        String codes = "/api/v1/admin/analytics/events/" + sale.eventId() + "/codes";

        events.get(false).forEach(client::append);
        client.awaitDrained();

        assertThat(figures(client.getJson(codes, organizer))).as("before the refund")
                .containsExactlyEntriesOf(asIfKept(sale).codes());
        JsonNode spring = client.getJson(codes, organizer).path("codes").get(1);
        assertThat(spring.path("code").asString()).isEqualTo(SPRING.text());
        assertThat(spring.path("codeId").asString()).isEqualTo(SPRING.id().toString());
        assertThat(spring.path("currency").asString()).isEqualTo("EUR");

        events.get(true).forEach(client::append);
        client.awaitDrained();

        Map<String, long[]> after = sale.codes();
        assertThat(figures(client.getJson(codes, organizer))).as("the refund taken back")
                .containsExactlyEntriesOf(after);
        // 2 + 1 tickets kept of SPRING-10 at 500 off each; the refunded order's 3 tickets and its 1,500 are gone.
        assertThat(after.get(SPRING.text())).containsExactly(4, 2, 3, 1_500, 27_000, 13_500, 1);

        HttpResponse<String> csv = client.get(codes + "/export.csv", organizer);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        long[] crew = after.get(CREW.text());
        long[] kept = after.get(SPRING.text());
        assertThat(csv.body().split("\r\n")).containsExactly(
                "event_id,code_id,code,currency,checkouts,orders,tickets_sold,discount_minor,gross_minor,"
                        + "refunded_minor,net_minor,cancellations",
                row(CREW, crew), row(SPRING, kept));

        for (String path : List.of(codes, codes + "/export.csv")) {
            JsonNode refused = problem(client.get(path, TestTokens.organizer(UUID.randomUUID())), 404);
            assertThat(refused.path("type").asString()).as("another organization's organizer")
                    .isEqualTo("https://boxoffice.dev/problems/event-not-found");
            assertThat(client.get(path, TestTokens.buyer()).statusCode()).isEqualTo(403);
        }
        assertThat(client.getJson(codes, TestTokens.admin()).path("codes")).hasSize(2);
    }

    /** The sale as it stood before its refunded buyer cancelled: that buyer's order still kept. */
    private static ScriptedSale asIfKept(ScriptedSale sale) {
        List<Buyer> buyers = new ArrayList<>();
        for (Buyer b : sale.buyers()) {
            buyers.add(new Buyer(b.holdId(), b.orderId(), b.minute(), b.quantity(), b.unitPriceMinor(), b.tier(),
                    b.section(), b.fate() == Fate.PAID_THEN_REFUNDED ? Fate.PAID : b.fate(), b.code()));
        }
        return new ScriptedSale(sale.eventId(), sale.organizationId(), sale.currency(), sale.opensAt(),
                sale.capacity(), buyers);
    }

    /** Each code's figures in the order {@link ScriptedSale#codes()} counts them. */
    private static Map<String, long[]> figures(JsonNode answer) {
        Map<String, long[]> figures = new LinkedHashMap<>();
        answer.path("codes").forEach(code -> {
            assertThat(code.path("netMinor").asLong())
                    .isEqualTo(code.path("grossMinor").asLong() - code.path("refundedMinor").asLong());
            figures.put(code.path("code").asString(), new long[] { code.path("checkouts").asLong(),
                    code.path("orders").asLong(), code.path("ticketsSold").asLong(),
                    code.path("discountMinor").asLong(), code.path("grossMinor").asLong(),
                    code.path("refundedMinor").asLong(), code.path("cancellations").asLong() });
        });
        return figures;
    }

    private String row(Code code, long[] f) {
        return String.join(",", sale.eventId().toString(), code.id().toString(), code.text(), "EUR",
                Long.toString(f[0]), Long.toString(f[1]), Long.toString(f[2]), Long.toString(f[3]),
                Long.toString(f[4]), Long.toString(f[5]), Long.toString(f[4] - f[5]), Long.toString(f[6]));
    }
}
