package org.boxoffice.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ApiTraffic} hands the OpenAPI validator: the served document, read and parsed, and each
 * {@link ApiTraffic.Exchange} as the validator's request and response.
 */
final class OpenApiValidation {

    private OpenApiValidation() {
    }

    static Request request(ApiTraffic.Exchange exchange) {
        var builder = new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), exchange.path());
        exchange.requestHeaders().forEach((name, values) -> {
            if (name.equalsIgnoreCase("Content-Type")) {
                builder.withContentType(values.getFirst());
            } else {
                builder.withHeader(name, values);
            }
        });
        ApiTraffic.queryParameters(exchange.query()).forEach(builder::withQueryParam);
        if (exchange.requestBody() != null && exchange.requestBody().length > 0) {
            builder.withBody(exchange.requestBody());
        }
        return builder.build();
    }

    static SimpleResponse response(ApiTraffic.Exchange exchange) {
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
}
