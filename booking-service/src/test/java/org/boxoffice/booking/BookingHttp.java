package org.boxoffice.booking;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests to the booking-service a test started: a bearer token when given, JSON bodies, an Idempotency-Key. */
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
