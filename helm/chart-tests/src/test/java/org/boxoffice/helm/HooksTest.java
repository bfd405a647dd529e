package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * helm-java's template leaves hooks out of its output, so the hook templates are rendered
 * from a copy of the umbrella chart whose hook annotations are stripped.
 */
class HooksTest {

    private static Rendered rendered;

    @BeforeAll
    static void renderHooksAsPlainObjects() {
        rendered = hooks();
    }

    /** The umbrella chart with its hooks rendered as plain objects (once per test run). */
    static synchronized Rendered hooks() {
        if (rendered == null) {
            try {
                Path chart = Files.createTempDirectory("boxoffice-hooks").resolve("boxoffice");
                try (Stream<Path> files = Files.walk(Charts.UMBRELLA)) {
                    files.forEach(source -> copyWithoutHooks(source, chart.resolve(Charts.UMBRELLA.relativize(source).toString())));
                }
                rendered = new Rendered(Charts.template(chart, Profile.DEFAULTS, t -> t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return rendered;
    }

    /** The decoded value a bootstrap Secret is generated with. */
    static String generated(String secret, String key) {
        Map<String, Object> data = at(hooks().get("Secret", secret), "data");
        return new String(java.util.Base64.getDecoder().decode((String) data.get(key)));
    }

    @Test
    void smokeTestChecksAnApiRouteThroughTheGatewayAndNoMetricsOnItsPublicPort() {
        Map<String, Object> pod = rendered.get("Pod", "boxoffice-smoke-test");
        String script = String.join(" ", (java.util.List<String>) at(list(pod, "spec.containers").getFirst(), "args"));

        assertThatCode(() -> KubernetesModels.validate(pod)).doesNotThrowAnyException();
        assertThat(script).contains("--fail --silent --show-error --retry 5 --retry-connrefused",
                "http://gateway-service:8080/api/v1/events", "http://gateway-service:8080/actuator/prometheus",
                "test \"$code\" = 404");
        assertThat(script).as("the gateway's probes are on its management port, which this pod may not reach")
                .doesNotContain("/readyz", ":8090");
        assertThat(val(pod, "metadata.labels.app\\.kubernetes\\.io/name"))
                .as("the label gateway-service's NetworkPolicy admits").isEqualTo("boxoffice-smoke-test");
        assertThat(val(pod, "spec.containers")).asString().contains("readOnlyRootFilesystem=true");
    }

    @Test
    void bootstrapSecretsHoldAnRsaSigningKeyAndAnAdminPassword() {
        Map<String, Object> keys = rendered.get("Secret", "boxoffice-jwt-keys");
        Map<String, Object> admin = rendered.get("Secret", "boxoffice-admin");

        assertThatCode(() -> KubernetesModels.validate(keys)).doesNotThrowAnyException();
        String pem = new String(java.util.Base64.getDecoder().decode((String) at(keys, "data.signing-key\\.pem")));
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(java.util.Base64.getDecoder().decode((String) at(admin, "data.password"))).hasSize(24);
    }

    @Test
    void bootstrapSecretsHoldTheKeysEveryReplicaMustShare() {
        for (String[] secret : new String[][] {{"boxoffice-ticket-signing", "signing-key"},
                {"boxoffice-payment-webhook", "webhook-secret"}, {"boxoffice-waiting-room-pass", "pass-key"}}) {
            assertThatCode(() -> KubernetesModels.validate(rendered.get("Secret", secret[0]))).doesNotThrowAnyException();
            assertThat(generated(secret[0], secret[1])).as(secret[0]).hasSize(64).matches("[A-Za-z0-9]+");
        }
        assertThat(generated("boxoffice-ticket-signing", "signing-key"))
                .as("each install gets its own key").isNotEqualTo(generated("boxoffice-payment-webhook", "webhook-secret"));
    }

    private static void copyWithoutHooks(Path source, Path target) {
        try {
            if (Files.isDirectory(source) && !Files.isSymbolicLink(source)) {
                Files.createDirectories(target);
            } else if (Files.isSymbolicLink(source)) {
                Files.createSymbolicLink(target, source.toRealPath());
            } else if (source.toString().endsWith(".yaml") && source.toString().contains("templates")) {
                Files.writeString(target, Files.readString(source).replaceAll("(?m)^\\s*helm\\.sh/hook.*\\n", ""));
            } else {
                Files.copy(source, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
