package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.val;
import static org.boxoffice.helm.Rendered.list;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each service gets the ports and environment the services are written against. */
class ServiceContractTest {

    private final Rendered platform = Charts.platform(Profile.DEFAULTS);

    /** managementPort 0: probes and metrics on the service port, which is then the only port. */
    @ParameterizedTest
    @CsvSource({"gateway-service,8080,8090", "user-service,8081,8090", "booking-service,8082,8090",
            "payment-service,8083,8090", "notification-service,8084,8090", "analytics-service,8085,8090"})
    void serviceChartRendersAloneWithItsPortNamedHttpAndItsManagementPort(String service, int port, int management) {
        Rendered alone = Charts.serviceChart(service, Map.of());
        List<Map<String, Object>> servicePorts = new ArrayList<>(List.of(
                Map.of("name", "http", "port", port, "targetPort", "http", "protocol", "TCP")));
        List<Map<String, Object>> containerPorts = new ArrayList<>(List.of(
                Map.of("name", "http", "containerPort", port, "protocol", "TCP")));
        if (management != 0) {
            servicePorts.add(Map.of("name", "management", "port", management, "targetPort", "management", "protocol", "TCP"));
            containerPorts.add(Map.of("name", "management", "containerPort", management, "protocol", "TCP"));
        }

        assertThat(list(alone.get("Service", service), "spec.ports")).isEqualTo(servicePorts);
        assertThat(alone.ofKind("Deployment")).as(service).isNotEmpty();
        for (Map<String, Object> deployment : alone.ofKind("Deployment")) {
            assertThat(list(deployment, "spec.template.spec.containers").getFirst().get("ports")).isEqualTo(containerPorts);
        }
    }

    @Test
    void everyServiceButTheGatewayGetsTheDatabase() {
        for (String service : Charts.SERVICES) {
            boolean hasDatabase = environment(service).containsAll(Set.of("BOXOFFICE_DB_URL", "BOXOFFICE_DB_USER", "BOXOFFICE_DB_PASSWORD"));
            assertThat(hasDatabase).as(service).isEqualTo(!service.equals("gateway-service"));
        }
    }

    @Test
    void everyServiceGetsRedisAndStructuredLogs() {
        for (String service : Charts.SERVICES) {
            assertThat(environment(service)).as(service).contains("BOXOFFICE_REDIS_HOST", "BOXOFFICE_REDIS_PORT",
                    "BOXOFFICE_REDIS_PASSWORD", "LOGGING_STRUCTURED_FORMAT_CONSOLE", "JAVA_TOOL_OPTIONS");
        }
    }

    @Test
    void everyServiceButTheIssuerValidatesTokensAgainstTheJwks() {
        for (String service : Charts.SERVICES) {
            boolean validates = environment(service).contains("BOXOFFICE_JWT_JWKS_URI");
            assertThat(validates).as(service).isEqualTo(!service.equals("user-service"));
        }
        assertThat(val(platform.get("ConfigMap", "booking-service"), "data.BOXOFFICE_JWT_JWKS_URI"))
                .isEqualTo("http://user-service:8081/.well-known/jwks.json");
    }

    @Test
    void theIssuerUserServiceSignsIsTheOneEveryServiceRequires() {
        Rendered renamed = Charts.platform(Profile.DEFAULTS, Map.of("global.jwt.issuer", "https://tickets.example"));

        for (String service : Charts.SERVICES) {
            assertThat(val(renamed.get("ConfigMap", service), "data.BOXOFFICE_JWT_ISSUER")).as(service)
                    .isEqualTo("https://tickets.example");
        }
    }

    @Test
    void gatewayKnowsEveryUpstreamByServiceNameAndPort() {
        Map<String, Object> data = at(platform.get("ConfigMap", "gateway-service"), "data");

        assertThat(data).containsEntry("BOXOFFICE_USER_URL", "http://user-service:8081")
                .containsEntry("BOXOFFICE_BOOKING_URL", "http://booking-service:8082")
                .containsEntry("BOXOFFICE_PAYMENT_URL", "http://payment-service:8083")
                .containsEntry("BOXOFFICE_NOTIFICATION_URL", "http://notification-service:8084")
                .containsEntry("BOXOFFICE_ANALYTICS_URL", "http://analytics-service:8085");
    }

    @Test
    void userServiceReadsSigningKeysFromAMountedSecretAndTheAdminFromASecret() {
        Map<String, Object> pod = at(platform.get("Deployment", "user-service"), "spec.template.spec");
        String keysDir = at(platform.get("ConfigMap", "user-service"), "data.BOXOFFICE_JWT_KEYS_DIR");

        assertThat(list(list(pod, "containers").getFirst(), "volumeMounts"))
                .anySatisfy(m -> assertThat(m).containsEntry("mountPath", keysDir).containsEntry("readOnly", true));
        assertThat(list(pod, "volumes")).anySatisfy(v -> assertThat(val(v, "secret.secretName")).isEqualTo("boxoffice-jwt-keys"));
        assertThat(environment("user-service")).contains("BOXOFFICE_ADMIN_EMAIL", "BOXOFFICE_ADMIN_PASSWORD");
    }

    @Test
    void notificationGetsSmtpSettingsAndCredentialsAndFindsBookingForInvoices() {
        assertThat(environment("notification-service")).contains("BOXOFFICE_SMTP_HOST", "BOXOFFICE_SMTP_PORT",
                "BOXOFFICE_SMTP_USERNAME", "BOXOFFICE_SMTP_PASSWORD", "BOXOFFICE_SMTP_AUTH", "BOXOFFICE_SMTP_STARTTLS",
                "BOXOFFICE_MAIL_FROM");
        String booking = at(platform.get("ConfigMap", "notification-service"), "data.BOXOFFICE_BOOKING_URL");
        assertThat(booking).isEqualTo("http://booking-service:8082");
    }

    @Test
    void everyServiceGetsTraceSamplingAndEveryServiceWithASchemaItsPoolSize() {
        for (String service : Charts.SERVICES) {
            assertThat(environment(service)).as(service).contains("BOXOFFICE_TRACE_SAMPLING");
            assertThat(environment(service).contains("BOXOFFICE_DB_POOL_SIZE")).as(service).isEqualTo(!service.equals("gateway-service"));
        }
    }

    @Test
    void paymentAndBookingGetTheKeysTheirReplicasShare() {
        assertThat(environment("payment-service")).contains("BOXOFFICE_BOOKING_URL", "BOXOFFICE_PAYMENT_SANDBOX_WEBHOOK_SECRET");
        assertThat(environment("booking-service")).contains("BOXOFFICE_TICKET_SIGNING_KEY");
    }

    @Test
    void gatewayGetsCorsAndRateLimits() {
        assertThat(environment("gateway-service")).contains("BOXOFFICE_CORS_ORIGINS", "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ENABLED",
                "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_WINDOW", "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_AUTHENTICATEDPERWINDOW",
                "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ANONYMOUSPERWINDOW", "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_CREDENTIALSPERWINDOW");
    }

    @Test
    void existingSecretsReplaceTheChartsOwnPasswords() {
        Map<String, Object> pod = at(Charts.platform(Profile.PRODUCTION).get("Deployment", "payment-service"), "spec.template.spec");

        assertThat(list(list(pod, "containers").getFirst(), "env"))
                .anySatisfy(env -> assertThat(env).containsEntry("name", "BOXOFFICE_DB_PASSWORD")
                        .extracting(e -> at(e, "valueFrom.secretKeyRef.name")).isEqualTo("boxoffice-postgres"));
        assertThat(Charts.platform(Profile.PRODUCTION).find("Secret", "payment-service")).isEmpty();
    }

    @Test
    void configurationChangesRollThePods() {
        Rendered changed = Charts.platform(Profile.DEFAULTS, Map.of("analytics-service.env.FEATURE_X", "on"));

        assertThat(checksum(changed)).isNotEqualTo(checksum(platform));
    }

    private static Object checksum(Rendered rendered) {
        return at(rendered.get("Deployment", "analytics-service"), "spec.template.metadata.annotations.checksum/config");
    }

    /** Names of the variables a service's container sees: its ConfigMap, its Secrets and explicit env. */
    private Set<String> environment(String service) {
        Map<String, Object> deployment = platform.ofKind("Deployment").stream()
                .filter(d -> service.equals(at(d, "spec.selector.matchLabels.app\\.kubernetes\\.io/name")))
                .findFirst().orElseThrow();
        Map<String, Object> container = list(deployment, "spec.template.spec.containers").getFirst();
        Set<String> names = new HashSet<>();
        list(container, "env").forEach(env -> names.add((String) env.get("name")));
        for (Map<String, Object> source : list(container, "envFrom")) {
            String configMap = at(source, "configMapRef.name");
            String secret = at(source, "secretRef.name");
            if (configMap != null) {
                names.addAll(((Map<String, Object>) at(platform.get("ConfigMap", configMap), "data")).keySet());
            }
            if (secret != null) {
                names.addAll(((Map<String, Object>) at(platform.get("Secret", secret), "stringData")).keySet());
            }
        }
        return names;
    }
}
