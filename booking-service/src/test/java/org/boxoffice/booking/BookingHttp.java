package org.boxoffice.booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.platform.admission.AdmissionPass;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to the booking-service a test started: a bearer token when given, JSON bodies, an Idempotency-Key, a
 * waiting-room pass.
 */
public final class BookingHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** For answers that are not text (a spreadsheet, a PDF). */
    public static final HttpClient HTTP_BYTES = HTTP;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public BookingHttp(int port) {
        this.port = port;
    }

    public HttpResponse<String> get(String path, @Nullable String token) throws Exception {
        return send(request(path, token).GET());
    }

    public HttpResponse<String> post(String path, @Nullable String token, @Nullable String key, String body)
            throws Exception {
        HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    /** A hold ({@code POST /api/v1/holds}) with {@code body}, carrying the waiting room's {@code pass} when given. */
    public HttpResponse<String> hold(@Nullable String token, String body, @Nullable String pass) throws Exception {
        HttpRequest.Builder request = request("/api/v1/holds", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (pass != null) {
            request.header(AdmissionPass.HEADER, pass);
        }
        return send(request);
    }

    /** A hold's body: {@code count} seats of {@code sale}'s stalls, from seat {@code from} in the fixture's order. */
    public static String seats(OnSale sale, int from, int count) {
        return """
                {"eventId":"%s","seatIds":%s}""".formatted(sale.event().id(),
                sale.seatIds(from, count).stream().map(id -> "\"" + id + "\"").toList());
    }

    /** A hold's body: {@code quantity} tickets of {@code sale}'s general-admission floor. */
    public static String area(OnSale sale, int quantity) {
        return """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":%d}}"""
                .formatted(sale.event().id(), sale.floor().id(), quantity);
    }

    public HttpResponse<String> put(String path, @Nullable String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** The answer's body as JSON, once its status is {@code status} (else the test fails, showing the body). */
    public static JsonNode ok(int status, HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** The last segment of the problem type the answer of {@code status} carries, such as {@code invalid-event}. */
    public static String problem(int status, HttpResponse<String> response) {
        String type = ok(status, response).path("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
