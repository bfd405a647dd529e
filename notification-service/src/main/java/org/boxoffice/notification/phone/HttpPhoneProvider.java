package org.boxoffice.notification.phone;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.boxoffice.notification.delivery.DeliveryFailure;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through a Twilio-style HTTP API (see {@link PhoneProperties.Provider}). 2xx is sent; 429 and 5xx and
 * network trouble are transient (retried, counted by the circuit breaker); any other 4xx is the provider refusing
 * this message (a bad number) and is permanent. Calls go through Boot's observed {@link RestClient} (a client span
 * with {@code traceparent}, {@code http.client.requests} metrics).
 */
final class HttpPhoneProvider implements PhoneProvider {

    private final PhoneProperties.Provider settings;
    private final URI messages;
    private final RestClient http;
    private final JsonMapper json;

    HttpPhoneProvider(PhoneProperties.Provider settings, URI endpoint, JsonMapper json, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests) {
        this.settings = settings;
        String base = endpoint.toString().replaceAll("/+$", "");
        this.messages = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(settings.accountSid(), StandardCharsets.UTF_8) + "/Messages.json");
        this.http = http.requestFactory(requests.build(HttpClientSettings.defaults()
                .withTimeouts(settings.timeout(), settings.timeout()))).build();
        this.json = json;
    }

    @Override
    public String send(String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", settings.addressPrefix() + phone);
        form.put("From", settings.addressPrefix() + settings.from());
        form.put("Body", text);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String credentials = Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
        record Answer(int status, String body) {
        }
        Answer response;
        try {
            response = http.post().uri(messages)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                    .body(body)
                    .exchange((request, answer) -> new Answer(answer.getStatusCode().value(),
                            new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            Throwable cause = e.getMostSpecificCause();
            if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
                throw DeliveryFailure.transientFailure("provider did not answer within " + settings.timeout(), e);
            }
            throw DeliveryFailure.transientFailure("provider unreachable: " + cause, e);
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            return sid(response.body()).orElse("http-" + status);
        }
        String reason = "provider answered HTTP " + status + ": " + abbreviate(response.body());
        if (status == 429 || status >= 500) {
            throw DeliveryFailure.transientFailure(reason);
        }
        throw DeliveryFailure.permanent(reason);
    }

    private java.util.Optional<String> sid(String body) {
        try {
            JsonNode node = json.readTree(body);
            return node.hasNonNull("sid") ? java.util.Optional.of(node.get("sid").asString()) : java.util.Optional.empty();
        } catch (RuntimeException notJson) {
            return java.util.Optional.empty();
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "…";
    }
}
