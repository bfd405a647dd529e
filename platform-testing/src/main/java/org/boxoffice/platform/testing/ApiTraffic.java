package org.boxoffice.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jspecify.annotations.Nullable;

/**
 * Every API request an integration test sends to the service, and the service's answer, checked against the OpenAPI
 * document the service serves (with Atlassian's openapi-request-validator). What the document does not describe is a
 * violation: an undocumented status code, a body that does not match its schema, an undocumented operation that
 * answered, or a request the document calls invalid that the service nevertheless accepted. A request the document
 * calls invalid and the service refused with a 4xx is the service doing its job (tests send bad input on purpose), and
 * an unknown path answered 401, 404 or 405 is the service refusing what does not exist.
 *
 * <p>Every violation is appended to {@code target/openapi-violations.txt}; those whose key matches
 * {@code openapi.validation.fail-on} ({@code all}, {@code none}, or a comma-separated list of validator message keys
 * or key prefixes such as {@code validation.response.body}) fail the test that caused them, through
 * {@link ApiTrafficListener}.
 */
public final class ApiTraffic {

    /** The property naming the violations that fail a test; see the class comment. */
    public static final String FAIL_ON_PROPERTY = "openapi.validation.fail-on";

    /** Strict: every violation fails the test that caused it. */
    public static final String DEFAULT_FAIL_ON = "all";

    /** The key of an exchange the validator could not check. */
    static final String VALIDATOR_ERROR = "validation.validator.error";

    static final Path VIOLATIONS_FILE = Path.of("target", "openapi-violations.txt");
    private static boolean fileStarted;

    private final Supplier<@Nullable String> document;
    private final Set<String> failOn;
    private final boolean ownsEveryApiPath;
    private final List<Violation> failures = new ArrayList<>();
    private volatile @Nullable OpenApiInteractionValidator validator;
    private volatile boolean unavailable;
    private volatile String currentTest = "(application start)";

    /**
     * @param document         the served OpenAPI document (fetched on first use), or null when the application serves
     *                         none
     * @param failOn           the value of {@value #FAIL_ON_PROPERTY}
     * @param ownsEveryApiPath false where API paths the document does not list are someone else's (the gateway
     *                         routes them to the services): such requests are not checked
     */
    public ApiTraffic(Supplier<@Nullable String> document, String failOn, boolean ownsEveryApiPath) {
        this.document = document;
        this.ownsEveryApiPath = ownsEveryApiPath;
        this.failOn = Arrays.stream(failOn.split(",")).map(String::trim).filter(key -> !key.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        startViolationsFile();
    }

    /** The first ApiTraffic of a test JVM removes the last run's findings, so the file holds this run's or none. */
    private static void startViolationsFile() {
        synchronized (ApiTraffic.class) {
            if (fileStarted) {
                return;
            }
            fileStarted = true;
            try {
                Files.deleteIfExists(VIOLATIONS_FILE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** One request and its answer, as seen at the edge of the service. */
    public record Exchange(String method, String path, @Nullable String query, Map<String, List<String>> requestHeaders,
            byte @Nullable [] requestBody, int status, Map<String, List<String>> responseHeaders,
            byte @Nullable [] responseBody) {
    }

    /** A difference between the traffic and the document. */
    public record Violation(String test, String exchange, String key, String message) {

        @Override
        public String toString() {
            return test + " | " + exchange + " | " + key + " | " + message.replace('\n', ' ');
        }
    }

    /** Whether requests to {@code path} are API calls the document describes (not probes, metrics or the docs). */
    public static boolean covers(String path) {
        return path.startsWith("/api/") || path.startsWith("/sandbox/");
    }

    /** The violations that fail a test, as configured. */
    String failOn() {
        return String.join(",", failOn);
    }

    /** Names the test whose requests follow. */
    void begin(String test) {
        currentTest = test;
    }

    /** Violations of the failing kind since the last call. */
    synchronized List<Violation> drainFailures() {
        List<Violation> drained = List.copyOf(failures);
        failures.clear();
        return drained;
    }

    /** Checks one exchange against the document, records its violations and keeps the failing ones. */
    public void check(Exchange exchange) {
        String described = exchange.method() + " " + exchange.path()
                + (exchange.query() == null ? "" : "?" + exchange.query()) + " -> " + exchange.status();
        ValidationReport report;
        try {
            OpenApiInteractionValidator validator = validator();
            if (validator == null) {
                return;
            }
            report = validator.validate(request(exchange), response(exchange));
        } catch (RuntimeException e) {
            // The check must never change the service's answer: what it cannot check is a finding of its own.
            record(List.of(new Violation(currentTest, described, VALIDATOR_ERROR, String.valueOf(e))));
            return;
        }
        List<Violation> found = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (!ownsEveryApiPath && message.getKey().equals("validation.request.path.missing")) {
                return;
            }
            if (message.getLevel() == ValidationReport.Level.ERROR && isViolation(message.getKey(), exchange.status())) {
                found.add(new Violation(currentTest, described, message.getKey(), message.getMessage()));
            }
        }
        if (!found.isEmpty()) {
            record(found);
        }
    }

    /**
     * Whether a validator finding is the service's fault. Request findings are not when the service refused the
     * request (4xx): the test sent something invalid on purpose, and the refusal is itself checked as a response.
     */
    static boolean isViolation(String key, int status) {
        boolean refused = status >= 400 && status < 500;
        if (key.equals("validation.request.path.missing") || key.equals("validation.request.operation.notAllowed")) {
            return status != 401 && status != 404 && status != 405;
        }
        if (key.startsWith("validation.request.")) {
            return !refused;
        }
        return true;
    }

    private boolean fails(String key) {
        if (failOn.contains("all")) {
            return true;
        }
        return failOn.stream().anyMatch(key::startsWith);
    }

    private synchronized void record(List<Violation> found) {
        for (Violation violation : found) {
            if (fails(violation.key())) {
                failures.add(violation);
            }
        }
        try {
            Files.createDirectories(VIOLATIONS_FILE.getParent());
            List<String> lines = found.stream().map(Violation::toString).toList();
            synchronized (ApiTraffic.class) {
                Files.write(VIOLATIONS_FILE, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = validator;
        if (current != null || unavailable) {
            return current;
        }
        synchronized (this) {
            if (validator == null && !unavailable) {
                String spec = document.get();
                if (spec == null) {
                    unavailable = true;
                } else {
                    validator = OpenApiInteractionValidator.createFor(parse(spec)).build();
                }
            }
            return validator;
        }
    }

    private static Request request(Exchange exchange) {
        var builder = new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), exchange.path());
        exchange.requestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                builder.withContentType(values.getFirst());
            } else {
                builder.withHeader(name, values);
            }
        });
        queryParameters(exchange.query()).forEach(builder::withQueryParam);
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        var builder = SimpleResponse.Builder.status(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                builder.withContentType(values.getFirst());
            } else {
                builder.withHeader(name, values);
            }
        });
        if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }

    /**
     * Parses the document as the validator's own loader would, but without refusing it for what the parser reports
     * about it (OpenAPI 3.1 documents draw remarks such as a license without an SPDX identifier): the linter judges
     * the document, this class judges the traffic.
     */
    static OpenAPI parse(String spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        // Responses and parameters referred to by $ref (the shared problem responses) are read as written inline:
        // unresolved, the validator takes a referred error response for one without a body.
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIParser().readContents(spec, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("unreadable OpenAPI document: " + result.getMessages());
        }
        return result.getOpenAPI();
    }

    /** The document served at {@code /v3/api-docs} on the port, or null when there is none. */
    static @Nullable String servedDocument(@Nullable String port) {
        if (port == null) {
            return null;
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Map<String, List<String>> queryParameters(@Nullable String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
