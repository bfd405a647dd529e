package org.boxoffice.platform.scaling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The autoscalers through the Kubernetes API, as the pod's service account: {@code GET} and a JSON merge
 * {@code PATCH} of {@code spec.minReplicas} on {@code autoscaling/v2} HorizontalPodAutoscalers — exactly the verbs the
 * chart's Role grants, on the named HPAs only. The token is read at every call (kubelet rotates projected tokens);
 * the API server is trusted through the service account's CA only.
 */
final class KubernetesAutoscalers implements Autoscalers {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI apiServer;
    private volatile String namespace;
    private final Path tokenFile;
    private final Supplier<HttpClient> http;
    private final JsonMapper json;

    /** The client is made at the first call: a dry run never calls, and its pod has no token or CA mounted. */
    KubernetesAutoscalers(PreScalingProperties properties, JsonMapper json) {
        this(properties.apiServer(), properties.namespace(), properties.tokenFile(), new Supplier<>() {
            private @Nullable HttpClient client;

            @Override
            public synchronized HttpClient get() {
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                            .sslContext(trusting(properties.caFile())).build();
                }
                return client;
            }
        }, json);
    }

    KubernetesAutoscalers(URI apiServer, String namespace, Path tokenFile, Supplier<HttpClient> http, JsonMapper json) {
        this.apiServer = apiServer;
        this.namespace = namespace;
        this.tokenFile = tokenFile;
        this.http = http;
        this.json = json;
    }

    @Override
    public int minReplicas(String autoscaler) {
        HttpResponse<String> response = send(request(autoscaler).GET().build(), autoscaler);
        JsonNode min = json.readTree(response.body()).path("spec").path("minReplicas");
        // minReplicas is optional in the API and defaults to 1.
        return min.isMissingNode() || min.isNull() ? 1 : min.asInt();
    }

    @Override
    public void setMinReplicas(String autoscaler, int minReplicas) {
        String patch = "{\"spec\":{\"minReplicas\":" + minReplicas + "}}";
        send(request(autoscaler).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch)).build(), autoscaler);
    }

    private HttpRequest.Builder request(String autoscaler) {
        URI uri = apiServer.resolve("/apis/autoscaling/v2/namespaces/" + namespace() + "/horizontalpodautoscalers/"
                + autoscaler);
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest request, String autoscaler) {
        try {
            HttpResponse<String> response = http.get().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Kubernetes API answered " + response.statusCode() + " for "
                        + request.method() + " of HorizontalPodAutoscaler " + namespace + "/" + autoscaler + ": "
                        + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the Kubernetes API at " + apiServer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the Kubernetes API", e);
        }
    }

    /** The configured namespace, else the pod's own: the service account's namespace file beside its token. */
    private String namespace() {
        if (namespace.isBlank()) {
            Path file = tokenFile.resolveSibling("namespace");
            try {
                namespace = Files.readString(file).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("no boxoffice.prescaling.namespace and cannot read " + file, e);
            }
        }
        return namespace;
    }

    private String token() {
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the service account token " + tokenFile
                    + " (the chart mounts it only when preScaling is enabled)", e);
        }
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kubernetes API's CA " + caFile, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the Kubernetes API's CA " + caFile, e);
        }
    }
}
