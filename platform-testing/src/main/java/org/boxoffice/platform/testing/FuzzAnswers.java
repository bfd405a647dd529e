package org.boxoffice.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.boxoffice.platform.testing.ProbeBuilder.Probe;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the requests of {@link InputFuzz} and checks each answer: below 500, the status the input decides where it
 * does, every 4xx an RFC 9457 problem with a {@code type} and no internals, and no data changed by a refused request.
 */
final class FuzzAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Traces of internals in a problem's text; scanned over its first 2,000 characters (details may echo input). */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bat [a-z]{1,20}\\.[\\w.$]{1,200}\\(|\\b(java|javax|jakarta|org\\.springframework|org\\.hibernate"
                    + "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|org\\.apache|reactor|io\\.netty)\\.[a-z]{1,30}\\."
                    + "|[A-Z][A-Za-z]{0,60}(Exception|Error)\\b|\\bSQL(State)?\\b|\\bstack ?trace\\b");
    private static final int MAX_BODY_SHOWN = 400;
    private static final int MAX_INPUT_SHOWN = 120;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final @Nullable Supplier<String> dataFingerprint;
    private Duration timeout = Duration.ofSeconds(30);
    private int requests;

    FuzzAnswers(URI base, @Nullable Supplier<String> dataFingerprint) {
        this.base = base;
        this.dataFingerprint = dataFingerprint;
    }

    void timeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** The requests sent so far. */
    int requests() {
        return requests;
    }

    void send(InputFuzz.Operation operation, Probe probe, SoftAssertions softly) {
        String what = operation + " with " + shorten(probe.input(), MAX_INPUT_SHOWN) + " (" + probe.caller().kind() + ")";
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery()))
                    .timeout(timeout)
                    .method(operation.method, probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            if (!probe.headers().containsKey("Authorization")) {
                builder.header("Authorization", "Bearer " + probe.caller().token());
            }
            if (probe.body() != null && probe.contentType() != null) {
                builder.header("Content-Type", probe.contentType());
            }
            probe.headers().forEach((name, value) ->
                    builder.header(name, value.equals(ProbeBuilder.FRESH_KEY) ? UUID.randomUUID().toString() : value));
            request = builder.build();
        } catch (IllegalArgumentException unsendable) {
            // The HTTP client itself refuses it (an illegal URI or header): no server will ever see it from a client.
            return;
        }
        String before = operation.mutating() && dataFingerprint != null ? dataFingerprint.get() : null;
        HttpResponse<String> response;
        try {
            requests++;
            response = sendOnce(request, probe);
            if (response == null) {
                return;
            }
        } catch (IOException e) {
            softly.fail(what + ": no response (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String body = response.body();
        String shown = shorten(body, MAX_BODY_SHOWN);
        softly.assertThat(status).as("%s answered %d: %s", what, status, shown).isLessThan(500);
        if (probe.expectedStatus() != 0 && status != 401 && status != 403 && status != 404) {
            softly.assertThat(status).as("%s answered %d: %s", what, status, shown).isEqualTo(probe.expectedStatus());
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            softly.assertThat(contentType).as("%s answered %d as %s: %s", what, status, contentType, shown)
                    .startsWith("application/problem+json");
            JsonNode problem = readOrNull(body);
            softly.assertThat(problem != null && problem.path("type").isString() && !problem.path("type").asString().isEmpty())
                    .as("%s answered %d without a problem type: %s", what, status, shown).isTrue();
            if (problem != null) {
                softly.assertThat(problem.has("trace") || problem.has("exception"))
                        .as("%s answered %d with a stack trace or exception: %s", what, status, shown).isFalse();
                String text = problem.path("title").asString() + " " + problem.path("detail").asString();
                softly.assertThat(INTERNALS.matcher(text.substring(0, Math.min(text.length(), 2_000))).find())
                        .as("%s answered %d naming internals: %s", what, status, shown).isFalse();
            }
        }
        if (before != null && List.of(400, 405, 406, 413, 415).contains(status)) {
            softly.assertThat(dataFingerprint.get()).as("%s was refused with %d but changed data", what, status)
                    .isEqualTo(before);
        }
    }

    /**
     * Sends the request; null when the service refused an oversized body by closing the connection (the 413 probe).
     * A connection that failed before any answer (reset, or closed by the server while idle in the client's pool — as
     * after a 413 that closed it) is retried once on a new one; a timeout is not retried: that is no answer.
     */
    @Nullable HttpResponse<String> sendOnce(HttpRequest request, Probe probe)
            throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw timeout;
        } catch (IOException e) {
            if (probe.expectedStatus() == 413) {
                // The service answered 413 and closed the connection while the client was still writing the body.
                return null;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    static @Nullable JsonNode readOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String shorten(String text, int max) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "… (" + oneLine.length() + " chars)";
    }
}
