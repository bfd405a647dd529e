package org.boxoffice.gateway.waitingroom;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.boxoffice.platform.admission.AdmissionPass;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A buyer's and an organizer's calls to one gateway instance. */
record GatewayClient(int port) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    HttpResponse<String> join(String token, UUID eventId) {
        return send("POST", "/api/v1/waiting-room/events/" + eventId, token, null, null);
    }

    HttpResponse<String> poll(String token, UUID eventId) {
        return send("GET", "/api/v1/waiting-room/events/" + eventId, token, null, null);
    }

    HttpResponse<String> leave(String token, UUID eventId) {
        return send("DELETE", "/api/v1/waiting-room/events/" + eventId, token, null, null);
    }

    HttpResponse<String> hold(String token, UUID eventId, @Nullable String pass) {
        return send("POST", "/api/v1/holds", token, """
                {"eventId":"%s","generalAdmission":{"sectionId":"%s","quantity":1}}""".formatted(eventId,
                UUID.randomUUID()), pass);
    }

    HttpResponse<String> admin(String method, String action, UUID eventId, String token, @Nullable String body) {
        return send(method, "/api/v1/admin/waiting-room/events/" + eventId + action, token, body, null);
    }

    HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String body,
            @Nullable String pass) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (pass != null) {
            request.header(AdmissionPass.HEADER, pass);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body of a response that must have {@code status}. */
    static JsonNode body(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but was " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
