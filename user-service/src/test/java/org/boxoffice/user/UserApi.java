package org.boxoffice.user;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls user-service over HTTP the way a client does. */
public final class UserApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public UserApi(int port) {
        this.port = port;
    }

    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response get(String path, @Nullable String token) throws Exception {
        return send("GET", path, null, token);
    }

    public Response post(String path, @Nullable String json, @Nullable String token) throws Exception {
        return send("POST", path, json, token);
    }

    public Response send(String method, String path, @Nullable String json, @Nullable String token) throws Exception {
        return send(method, path, json, token, null);
    }

    public Response send(String method, String path, @Nullable String json, @Nullable String token,
            @Nullable String idempotencyKey) throws Exception {
        return send(method, path, json, token, idempotencyKey, null);
    }

    /**
     * @param forwardedFor an {@code X-Forwarded-For} value, as the gateway sets it: the tests reach the service from
     *                     loopback, which user-service trusts as its gateway by default
     */
    public Response send(String method, String path, @Nullable String json, @Nullable String token,
            @Nullable String idempotencyKey, @Nullable String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response);
    }

    public Response register(String email, String password) throws Exception {
        return post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    public Response login(String email, String password) throws Exception {
        return post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    /** A login from the client the gateway vouches for. */
    public Response loginFrom(String client, String email, String password) throws Exception {
        return send("POST", "/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                null, null, client);
    }

    /** Registers the account and returns its access token. */
    public String accessTokenOfNewAccount(String email, String password) throws Exception {
        register(email, password);
        return login(email, password).text("accessToken");
    }
}
