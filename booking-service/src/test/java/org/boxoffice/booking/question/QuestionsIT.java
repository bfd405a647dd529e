package org.boxoffice.booking.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Attendee questions on a real PostgreSQL and Redis (docs/commerce.md#attendee-questions): the organizer's questions,
 * answers judged at checkout (a refused checkout names the question and changes nothing), shown on the order and at
 * the door, and exported as CSV and XLSX.
 */
@IntegrationTest
class QuestionsIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theOrganizerDefinesQuestionsAndARefusedDefinitionNamesItsField() throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = new BookingFixture(venues, events).free(1, 10, 10, 4, 4);
        String organizer = TestTokens.organizer(sale.organizationId());
        String path = "/api/v1/admin/events/" + sale.event().id() + "/questions";

        JsonNode refused = ok(422, http.post(path, organizer, null, """
                {"label":"Meal","kind":"CHOICE","options":[],"required":true,"scope":"TICKET"}"""));
        assertThat(refused.path("type").asString()).endsWith("/invalid-question");
        assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("options");
        assertThat(problem(422, http.post(path, organizer, null, """
                {"label":"Company","kind":"TEXT","options":["a"],"required":false,"scope":"ORDER"}""")))
                .isEqualTo("invalid-question");
        assertThat(problem(400, http.post(path, organizer, null, """
                {"label":"Company","kind":"ESSAY","required":false,"scope":"ORDER"}"""))).isEqualTo("malformed-request");
        assertThat(problem(404, http.post(path, TestTokens.organizer(UUID.randomUUID()), null, """
                {"label":"Company","kind":"TEXT","required":false,"scope":"ORDER"}"""))).isEqualTo("event-not-found");
        assertThat(ok(200, http.get(path, organizer))).as("refused definitions left nothing behind").isEmpty();

        String meal = ok(201, http.post(path, organizer, null, """
                {"label":"Meal","kind":"CHOICE","options":["Meat","Vegetarian"],"required":true,"scope":"TICKET"}"""))
                .path("id").asString();
        ok(201, http.post(path, organizer, null, """
                {"label":"Company","kind":"TEXT","required":false,"scope":"ORDER"}"""));
        JsonNode changed = ok(200, http.put(path + "/" + meal, organizer, """
                {"label":"Meal","kind":"CHOICE","options":["Meat","Vegetarian","Vegan"],"required":true,
                 "scope":"TICKET"}"""));
        assertThat(changed.path("options")).hasSize(3);
        JsonNode listed = ok(200, http.get(path, organizer));
        assertThat(listed).extracting(q -> q.path("label").asString()).containsExactly("Meal", "Company");
        assertThat(listed.get(0).path("position").asInt()).isLessThan(listed.get(1).path("position").asInt());
        assertThat(ok(200, http.post(path + "/" + meal + "/disable", organizer, null, "")).path("enabled")
                .asBoolean()).isFalse();
        assertThat(problem(404, http.get(path + "/" + UUID.randomUUID(), organizer))).isEqualTo("question-not-found");
    }

    @Test
    void checkoutAnswersAreJudgedKeptWithTheOrderShownAtTheDoorAndExported() throws Exception {
        BookingHttp http = new BookingHttp(port);
        OnSale sale = new BookingFixture(venues, events).free(1, 10, 10, 4, 4);
        String organizer = TestTokens.organizer(sale.organizationId());
        String questions = "/api/v1/admin/events/" + sale.event().id() + "/questions";
        String meal = ok(201, http.post(questions, organizer, null, """
                {"label":"Meal","kind":"CHOICE","options":["Meat","Vegetarian"],"required":true,"scope":"TICKET"}"""))
                .path("id").asString();
        String conduct = ok(201, http.post(questions, organizer, null, """
                {"label":"I accept the code of conduct","kind":"CHECKBOX","required":true,"scope":"ORDER"}"""))
                .path("id").asString();
        String company = ok(201, http.post(questions, organizer, null, """
                {"label":"Company","kind":"TEXT","required":false,"scope":"ORDER"}""")).path("id").asString();
        JsonNode asked = ok(200, http.get("/api/v1/events/" + sale.event().id() + "/questions", null));
        assertThat(asked).extracting(q -> q.path("label").asString() + "/" + q.path("scope").asString())
                .containsExactly("Meal/TICKET", "I accept the code of conduct/ORDER", "Company/ORDER");
        String buyer = TestTokens.buyer(UUID.randomUUID());
        String holdId = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","seatIds":["%s","%s"]}""".formatted(sale.event().id(), sale.seatIds(0, 2).get(0),
                sale.seatIds(0, 2).get(1)))).path("id").asString();

        JsonNode missing = ok(400, http.post("/api/v1/orders", buyer, null, """
                {"holdId":"%s"}""".formatted(holdId)));
        assertThat(missing.path("type").asString()).endsWith("/invalid-answers");
        assertThat(missing.path("question").asString()).isEqualTo("Meal");
        assertThat(missing.path("questionId").asString()).isEqualTo(meal);
        assertThat(missing.path("ticket").asInt()).isZero();
        assertThat(missing.path("detail").asString()).contains("Meal").contains("must be answered");
        assertThat(missing.path("errors")).hasSize(3);

        JsonNode wrongChoice = ok(400, http.post("/api/v1/orders", buyer, null, answers(holdId, meal, conduct, company,
                "Fish", "true", "")));
        assertThat(wrongChoice.path("question").asString()).isEqualTo("Meal");
        assertThat(wrongChoice.path("errors").get(0).path("field").asString()).isEqualTo("answers[0].answer");
        assertThat(wrongChoice.path("errors").get(0).path("message").asString()).contains("Meat, Vegetarian");
        JsonNode unticked = ok(400, http.post("/api/v1/orders", buyer, null, answers(holdId, meal, conduct, company,
                "Meat", "false", "")));
        assertThat(unticked.path("question").asString()).isEqualTo("I accept the code of conduct");
        JsonNode outOfRange = ok(400, http.post("/api/v1/orders", buyer, null, """
                {"holdId":"%s","answers":[{"questionId":"%s","ticket":2,"answer":"Meat"}]}"""
                .formatted(holdId, meal)));
        assertThat(outOfRange.path("errors").get(0).path("field").asString()).isEqualTo("answers[0].ticket");
        JsonNode unknown = ok(400, http.post("/api/v1/orders", buyer, null, """
                {"holdId":"%s","answers":[{"questionId":"%s","answer":"x"}]}""".formatted(holdId, UUID.randomUUID())));
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("answers[0].questionId");
        assertThat(jdbc.sql("SELECT count(*) FROM purchase_order WHERE hold_id = ?::uuid").param(holdId)
                .query(Long.class).single()).as("refused checkouts placed no order").isZero();
        assertThat(jdbc.sql("SELECT status FROM hold WHERE id = ?::uuid").param(holdId).query(String.class).single())
                .isEqualTo("ACTIVE");

        // A company name a spreadsheet would run as a formula: kept as typed, exported as text.
        JsonNode order = ok(201, http.post("/api/v1/orders", buyer, UUID.randomUUID().toString(), answers(holdId,
                meal, conduct, company, "Vegetarian", "TRUE", "=HYPERLINK(\\\"x\\\")")));
        assertThat(order.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(order.path("answers")).extracting(a -> a.path("question").asString() + "#"
                + (a.path("ticket").isNull() ? "-" : a.path("ticket").asString()) + "=" + a.path("answer").asString())
                .containsExactly(
                        "I accept the code of conduct#-=true", "Company#-==HYPERLINK(\"x\")",
                        "Meal#0=Vegetarian", "Meal#1=Meat");
        String orderId = order.path("id").asString();
        assertThat(ok(200, http.get("/api/v1/orders/" + orderId, buyer)).path("answers")).hasSize(4);

        JsonNode tickets = ok(200, http.get("/api/v1/tickets?orderId=" + orderId, buyer));
        JsonNode atTheDoor = ok(200, http.post("/api/v1/admin/check-ins", organizer, null, """
                {"code":"%s"}""".formatted(tickets.get(1).path("code").asString())));
        assertThat(atTheDoor.path("answers")).extracting(a -> a.path("question").asString() + "="
                + a.path("answer").asString()).containsExactly("I accept the code of conduct=true",
                        "Company==HYPERLINK(\"x\")", "Meal=Meat");

        HttpResponse<String> csv = http.get(questions + "/answers.csv", organizer);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows).hasSize(3);
        assertThat(rows[0]).isEqualTo("order_id,buyer_email,ticket_code,section,row,seat,tier,holder_email,"
                + "checked_in_at,Meal,I accept the code of conduct,Company");
        assertThat(rows[1]).startsWith(orderId).contains(tickets.get(0).path("code").asString())
                .endsWith(",Vegetarian,true,\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(rows[2]).contains(tickets.get(1).path("code").asString()).endsWith(",Meat,true,"
                + "\"'=HYPERLINK(\"\"x\"\")\"");

        HttpResponse<byte[]> xlsx = BookingHttp.HTTP_BYTES.send(http.request(questions + "/answers.xlsx", organizer)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        List<List<String>> cells = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            try (var read = workbook.getFirstSheet().openStream()) {
                read.forEach((Row row) -> cells.add(row.stream().map(c -> c == null ? "" : c.getText()).toList()));
            }
        }
        assertThat(cells).hasSize(3);
        assertThat(cells.get(0)).endsWith("Meal", "I accept the code of conduct", "Company");
        assertThat(cells.get(1)).endsWith("Vegetarian", "true", "=HYPERLINK(\"x\")");
        assertThat(cells.get(2).get(8)).as("checked_in_at of the admitted ticket").isNotEmpty();
        assertThat(problem(404, http.get(questions + "/answers.csv", TestTokens.organizer(UUID.randomUUID()))))
                .isEqualTo("event-not-found");

        // A disabled question is no longer asked.
        ok(200, http.post(questions + "/" + meal + "/disable", organizer, null, ""));
        ok(200, http.post(questions + "/" + conduct + "/disable", organizer, null, ""));
        String secondHold = ok(201, http.post("/api/v1/holds", buyer, UUID.randomUUID().toString(), """
                {"eventId":"%s","seatIds":["%s"]}""".formatted(sale.event().id(), sale.seatIds(2, 1).get(0))))
                .path("id").asString();
        assertThat(ok(201, http.post("/api/v1/orders", buyer, null, """
                {"holdId":"%s"}""".formatted(secondHold))).path("answers")).isEmpty();
    }

    private static String answers(String holdId, String meal, String conduct, String company, String firstMeal,
            String accepted, String companyName) {
        return """
                {"holdId":"%s","answers":[{"questionId":"%s","ticket":0,"answer":"%s"},
                  {"questionId":"%s","ticket":1,"answer":"Meat"},{"questionId":"%s","answer":"%s"},
                  {"questionId":"%s","answer":"%s"}]}""".formatted(holdId, meal, firstMeal, meal, conduct, accepted,
                company, companyName);
    }
}
