package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The platform's Secrets from a secrets manager (externalSecrets), in every values file: every Secret a pod reads that
 * the chart does not render itself is made by an ExternalSecret — database, Redis, token keys, ticket key, webhook
 * secret, pass and code keys, event keys, SMTP and phone providers — and the chart's own bootstrap Secrets cannot be a
 * second owner.
 */
class ExternalSecretsChartTest {

    static Map<String, Object> fromTheStore() {
        Map<String, Object> values = new HashMap<>(Map.of("externalSecrets.enabled", true,
                "bootstrapSecrets.generate", false,
                "global.postgres.existingSecret", "boxoffice-postgres",
                "global.redis.existingSecret", "boxoffice-redis",
                "notification-service.existingSecret", "boxoffice-smtp"));
        return values;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everySecretAPodReadsIsMadeFromTheStore(Profile profile) {
        Rendered platform = Charts.platform(profile, fromTheStore());
        platform.objects().forEach(KubernetesModels::validate);

        Set<String> made = new TreeSet<>();
        for (Map<String, Object> external : platform.all("ExternalSecret")) {
            assertThat(val(external, "spec.target.name")).isEqualTo(at(external, "metadata.name"));
            assertThat(val(external, "spec.target.deletionPolicy")).isEqualTo("Retain");
            assertThat(val(external, "spec.secretStoreRef.kind")).isEqualTo("ClusterSecretStore");
            assertThat(list(external, "spec.dataFrom")).singleElement()
                    .satisfies(from -> assertThat(val(from, "extract.key")).asString().startsWith("boxoffice/"));
            made.add(at(external, "spec.target.name"));
        }
        Set<String> read = secretsReadByPods(platform);
        read.removeIf(name -> platform.find("Secret", name).isPresent());

        assertThat(read).isNotEmpty();
        assertThat(made).containsAll(read);
        assertThat(made).contains("boxoffice-jwt-keys", "boxoffice-postgres", "boxoffice-redis", "boxoffice-ticket-signing",
                "boxoffice-payment-webhook", "boxoffice-smtp", "boxoffice-event-signing-booking");
        assertThat(platform.ofKind("Secret")).noneMatch(secret ->
                made.contains(Rendered.<String>at(secret, "metadata.name")));
    }

    @Test
    void aReleasePrefixNamesTheSecretsAsThePodsReadThem() {
        Map<String, Object> values = fromTheStore();
        values.put("global.releasePrefix", true);
        values.put("global.postgres.existingSecret", "boxoffice-postgres");
        Rendered platform = Charts.platformAs("shop", Profile.PRODUCTION, values);

        assertThat(platform.get("ExternalSecret", "shop-jwt-keys")).isNotNull();
        Set<String> read = secretsReadByPods(platform);
        read.removeIf(name -> platform.find("Secret", name).isPresent());
        Set<String> made = new TreeSet<>();
        platform.all("ExternalSecret").forEach(external -> made.add(at(external, "spec.target.name")));
        assertThat(made).containsAll(read);
    }

    @Test
    void theBootstrapSecretsCannotOwnTheSameNames() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("externalSecrets.enabled", true)))
                .hasMessageContaining("bootstrapSecrets.generate: false");
    }

    @Test
    void offByDefault() {
        for (Profile profile : Profile.values()) {
            assertThat(Charts.platform(profile).ofKind("ExternalSecret")).as(profile.name()).isEmpty();
        }
    }

    @Test
    void thePreviousWebhookSecretIsReadOnlyWhileItExists() {
        Map<String, Object> container = list(Charts.platform(Profile.DEFAULTS).get("Deployment", "payment-service"),
                "spec.template.spec.containers").getFirst();

        assertThat(list(container, "env")).anySatisfy(env -> {
            assertThat(env).containsEntry("name", "BOXOFFICE_PAYMENT_SANDBOX_WEBHOOK_PREVIOUS_SECRETS");
            assertThat((Map<String, Object>) at(env, "valueFrom.secretKeyRef")).containsEntry("name", "boxoffice-payment-webhook")
                    .containsEntry("key", "previous-webhook-secrets").containsEntry("optional", true);
        });
    }

    /** Secrets referenced by the Deployments and StatefulSets: env, envFrom and volumes. */
    static Set<String> secretsReadByPods(Rendered platform) {
        Set<String> names = new TreeSet<>();
        for (String kind : new String[] { "Deployment", "StatefulSet" }) {
            for (Map<String, Object> workload : platform.ofKind(kind)) {
                Map<String, Object> pod = at(workload, "spec.template.spec");
                for (Map<String, Object> container : list(pod, "containers")) {
                    list(container, "envFrom").forEach(from -> addIfPresent(names, at(from, "secretRef.name")));
                    list(container, "env").forEach(env -> addIfPresent(names, at(env, "valueFrom.secretKeyRef.name")));
                }
                list(pod, "volumes").forEach(volume -> addIfPresent(names, at(volume, "secret.secretName")));
            }
        }
        return names;
    }

    private static void addIfPresent(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }
}
