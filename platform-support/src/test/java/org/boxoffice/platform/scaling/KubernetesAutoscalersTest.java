package org.boxoffice.platform.scaling;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the pre-scaler sends the Kubernetes API: a GET and a JSON merge patch of {@code spec.minReplicas} on the named
 * autoscaler in its namespace, with the service account's current token — the verbs and resource the chart's Role
 * grants, and nothing else. A local HTTP server answers as the API server would.
 */
class KubernetesAutoscalersTest {

    record Call(String method, String path, String authorization, String contentType, String body) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private volatile int status = 200;
    @TempDir
    Path dir;
    private Path token;
    private KubernetesAutoscalers autoscalers;

    @BeforeEach
    void apiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            byte[] answer = (status == 200 ? "{\"kind\":\"HorizontalPodAutoscaler\",\"spec\":{\"minReplicas\":3,\"maxReplicas\":30}}"
                    : "{\"kind\":\"Status\",\"reason\":\"Forbidden\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        token = dir.resolve("token");
        Files.writeString(token, "first-token\n");
        autoscalers = new KubernetesAutoscalers(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "shop", token, () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                JsonMapper.builder().build());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsTheMinimumOfTheNamedAutoscalerWithTheServiceAccountToken() {
        assertThat(autoscalers.minReplicas("booking-service-blue")).isEqualTo(3);

        assertThat(calls).containsExactly(new Call("GET",
                "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/booking-service-blue",
                "Bearer first-token", null, ""));
    }

    @Test
    void patchesOnlyMinReplicasWithAJsonMergePatchAndTheTokenAsItIsNow() throws IOException {
        Files.writeString(token, "rotated-token");

        autoscalers.setMinReplicas("gateway-service", 12);

        assertThat(calls).containsExactly(new Call("PATCH",
                "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/gateway-service",
                "Bearer rotated-token", "application/merge-patch+json", "{\"spec\":{\"minReplicas\":12}}"));
    }

    @Test
    void withoutANamespaceItUsesThePodsOwnFromTheServiceAccount() throws IOException {
        Files.writeString(dir.resolve("namespace"), "tickets\n");
        URI api = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        KubernetesAutoscalers own = new KubernetesAutoscalers(api, "", token, () -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                JsonMapper.builder().build());

        own.minReplicas("gateway-service");

        assertThat(calls).extracting(Call::path)
                .containsExactly("/apis/autoscaling/v2/namespaces/tickets/horizontalpodautoscalers/gateway-service");
    }

    @Test
    void aRefusalIsAnErrorNamingTheAutoscaler() {
        status = 403;

        assertThatThrownBy(() -> autoscalers.setMinReplicas("payment-service", 4))
                .hasMessageContaining("403").hasMessageContaining("shop/payment-service");
    }
}
