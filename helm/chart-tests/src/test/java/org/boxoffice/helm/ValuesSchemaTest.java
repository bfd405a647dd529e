package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json stops a bad value at install time instead of in the cluster. */
class ValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "booking-service.replicaCount | -1",
            "booking-service.autoscaling.minReplicas | 0",
            "booking-service.replicaCont | 2",
            "booking-service.blueGreen.activeSlot | purple",
            "gateway-service.port | 70000",
            "gateway-service.managementPort | 0",
            "user-service.managementPort | -1",
            "user-service.managementPort | 70000",
            "payment-service.terminationGracePeriodSeconds | 5",
            "user-service.resources.requests.cpu | lots",
            "global.postgres.url | postgres://db:5432/boxoffice",
            "global.otel.endpoint | collector:4318",
            "global.flags.provider | flagd please",
            "booking-service.storage.type | ftp",
            "booking-service.storage.s3.bucket | Not_A_Bucket",
            "global.flags.definitions | /config/flags.json",
            "global.flags.providerEnv.flagd-host | x",
            "notification-service.metrics.serviceMonitor.enabled | sometimes",
            "inClusterPostgres.enabeld | true",
            "tests.apiPath | /readyz",
            "booking-service.dbPoolSize | 0",
            "global.postgres.maxConnections | -1",
            "global.redis.maxConnections | many",
            "booking-service.redisConnections | -1",
            "booking-service.preScaling.reservedConnections.database | -1",
            "booking-service.preScaling.reservedConnections.pgbouncer | 10",
            "booking-service.preScaling.otherTargets[0].redisConnections | -2",
            "gateway-service.rateLimit.window | forever",
            "gateway-service.rateLimit.anonymousPerWindow | 0",
            "gateway-service.corsOrigins[0] | tickets.example.com",
            "gateway-service.trustedProxies[0] | ingress-nginx",
            "gateway-service.trustedProxies[0] | 10.0.0.0/33",
            "gateway-service.trustedProxies[0] | 300.1.2.3/8",
            "gateway-service.trustedProxies[0] | 10.0.0.0/8 192.168.0.0/16",
            "gateway-service.waitingRoom.maxPoll | soon",
            "gateway-service.waitingRoom.auto.decreaseFactor | 2",
            "gateway-service.waitingRoom.auto.increasePerMinute | 0",
            "gateway-service.waitingRoom.queueSize | 10",
            "gateway-service.smtp.host | smtp.example.com",
            "payment-service.bookingUrl | booking-service:8082",
            "notification-service.smtp.port | 0",
            "notification-service.smtp.auth | maybe",
            "notification-service.sms.endpoint | sms.example.com",
            "notification-service.sms.token | x",
            "booking-service.secretKeyRefs.BOXOFFICE_TICKET_SIGNING_KEY.secretName | Not_A_Name",
            "booking-service.secretKeyRefs.lowercase.secretName | x",
            "booking-service.secretKeyRefs.BOXOFFICE_TICKET_SIGNING_KEY.optional | sometimes",
            "global.mesh.provider | consul",
            "global.mesh.controlPlaneNamespace | Istio_System",
            "booking-service.preScaling.lead | soon",
            "booking-service.preScaling.buyersPerReplica | 0",
            "booking-service.preScaling.otherTargets[0].service | booking-service",
            "booking-service.preScaling.otherTargets[0].minReplicas | 0",
            "gateway-service.preScaling.enabled | true",
            "externalSecrets.secretStoreRef.kind | Vault",
            "externalSecrets.refreshInterval | hourly",
            "externalSecrets.secrets.Bad_Name | boxoffice/x",
            "booking-service.http.maxConcurrentRequestsPerProcessor | many",
            "booking-service.circuitBreakers.redis.minimumNumberOfCalls | 0",
            "gateway-service.circuitBreakers.services.slowCallRateThreshold | 0",
            "payment-service.circuitBreakers.redis.slidingWindowSize | 10",
    })
    void rejectsInvalidPlatformValue(String key, String value) {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of(key, value)))
                .hasMessageContaining("schema");
    }

    @Test
    void rejectsUnknownKeyInAStandaloneServiceChart() {
        assertThatThrownBy(() -> Charts.serviceChart("analytics-service", Map.of("autoscaling.maxReplica", 3)))
                .hasMessageContaining("maxReplica");
    }

    @Test
    void eachServiceSchemaIsTheSharedSchemaPlusTheServicesOwnSettings() throws java.io.IOException {
        java.nio.file.Path library = Charts.HELM_DIR.resolve("boxoffice-lib/service-values.schema.json");
        for (String service : Charts.SERVICES) {
            java.nio.file.Path own = Charts.HELM_DIR.resolve(service + "/values.schema.json");
            org.assertj.core.api.Assertions.assertThat(part(own, "properties")).as(service)
                    .containsAllEntriesOf(part(library, "properties"));
            org.assertj.core.api.Assertions.assertThat(part(own, "definitions")).as(service)
                    .isEqualTo(part(library, "definitions"));
        }
    }

    private static Map<String, Object> part(java.nio.file.Path schema, String key) throws java.io.IOException {
        Map<String, Object> document = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(
                new org.yaml.snakeyaml.LoaderOptions())).load(java.nio.file.Files.readString(schema));
        return Rendered.at(document, key);
    }

    @Test
    void acceptsPercentageDisruptionBudgetAndDigestPinnedImage() {
        assertThatCode(() -> Charts.platform(Profile.DEFAULTS, Map.of(
                "booking-service.podDisruptionBudget.minAvailable", "50%",
                "gateway-service.image.digest", "sha256:" + "a".repeat(64))))
                .doesNotThrowAnyException();
    }

    @Test
    void inClusterPostgresRefusesToStartWithoutAPassword() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("inClusterPostgres.enabled", true)))
                .hasMessageContaining("global.postgres.password");
    }
}
