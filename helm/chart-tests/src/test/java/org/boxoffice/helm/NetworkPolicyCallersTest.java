package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;

/** Each service admits exactly the callers the architecture gives it. */
class NetworkPolicyCallersTest {

    private final Rendered platform = Charts.platform(Profile.DEFAULTS);

    @Test
    void gatewayAdmitsOnlyTheIngressControllerAndTheSmokeTest() {
        assertThat(callers("gateway-service")).containsExactly("boxoffice-smoke-test");
        assertThat(namespaces("gateway-service")).containsExactlyInAnyOrder("ingress-nginx", "monitoring");
    }

    @Test
    void paymentAndBookingAdmitEachOtherAndTheConsumersOfTheirEventsBesidesTheGateway() {
        // Notification and analytics act on both services' events: they fetch their public event keys.
        assertThat(callers("payment-service")).containsExactlyInAnyOrder("gateway-service", "booking-service",
                "notification-service", "analytics-service");
        assertThat(callers("booking-service")).containsExactlyInAnyOrder("gateway-service", "payment-service",
                "notification-service", "analytics-service");
    }

    @Test
    void notificationAndAnalyticsAdmitOnlyTheGateway() {
        assertThat(callers("notification-service")).containsExactly("gateway-service");
        assertThat(callers("analytics-service")).containsExactly("gateway-service");
    }

    @Test
    void userServiceAdmitsEveryServiceThatFetchesTheJwks() {
        assertThat(callers("user-service")).containsExactlyInAnyOrder("gateway-service", "booking-service",
                "payment-service", "notification-service", "analytics-service");
    }

    @Test
    void onlyTheServicesWithoutIngressControllerAccessKeepTheirNamespacesClosed() {
        for (String service : Charts.SERVICES) {
            if (!service.equals("gateway-service")) {
                assertThat(namespaces(service)).as(service).containsExactly("monitoring");
            }
        }
    }

    @Test
    void onlyNotificationReachesSmtp() {
        for (String service : Charts.SERVICES) {
            boolean smtp = egressPorts(service).contains(587);
            assertThat(smtp).as(service + " reaches SMTP").isEqualTo(service.equals("notification-service"));
        }
    }

    @Test
    void everyServiceReachesDnsAndRedis() {
        for (String service : Charts.SERVICES) {
            assertThat(egressPorts(service)).as(service).contains(53, 6379);
        }
    }

    @Test
    void onlyServicesWithASchemaReachPostgres() {
        assertThat(egressPorts("gateway-service")).doesNotContain(5432);
        Charts.SERVICES.stream().filter(s -> !s.equals("gateway-service"))
                .forEach(service -> assertThat(egressPorts(service)).as(service).contains(5432));
    }

    @Test
    void tracingCollectorIsReachableOnceAnEndpointIsSet() {
        Rendered traced = Charts.platform(Profile.DEFAULTS,
                Map.of("global.otel.endpoint", "http://collector.observability:4318/v1/traces"));

        assertThat(egressPorts("booking-service")).doesNotContain(4318);
        assertThat(ports(traced, "booking-service")).contains(4317, 4318);
    }

    private Set<String> callers(String service) {
        return peers(service).stream()
                .map(peer -> (String) at(peer, "podSelector.matchLabels.app\\.kubernetes\\.io/name"))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private Set<String> namespaces(String service) {
        return peers(service).stream()
                .map(peer -> (String) at(peer, "namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name"))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private List<Map<String, Object>> peers(String service) {
        return list(platform.get("NetworkPolicy", service), "spec.ingress").stream()
                .flatMap(rule -> list(rule, "from").stream())
                .toList();
    }

    private Set<Integer> egressPorts(String service) {
        return ports(platform, service);
    }

    private static Set<Integer> ports(Rendered rendered, String service) {
        return list(rendered.get("NetworkPolicy", service), "spec.egress").stream()
                .flatMap(rule -> list(rule, "ports").stream())
                .map(port -> (Integer) port.get("port"))
                .collect(Collectors.toSet());
    }
}
