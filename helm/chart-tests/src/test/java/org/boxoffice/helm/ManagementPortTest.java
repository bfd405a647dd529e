package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.boxoffice.helm.NamedPorts.namespace;
import static org.boxoffice.helm.NamedPorts.pods;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gateway serves /livez, /readyz and /actuator/* only on its management port: the kubelet probes it there,
 * Prometheus scrapes it there, and nothing at the edge (Ingress, ingress controller, callers) reaches it.
 * The other services keep probes and metrics on their service port.
 */
class ManagementPortTest {

    private static final String GATEWAY = "gateway-service";
    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    @ParameterizedTest
    @EnumSource(Profile.class)
    void gatewayProbesItsManagementPortAndTellsTheApplicationWhichPortThatIs(Profile profile) {
        Rendered platform = Charts.platform(profile);
        Map<String, Object> container = NamedPorts.containers(platform.get("Deployment", GATEWAY)).getFirst();

        assertThat(NamedPorts.ofContainer(container)).containsExactly(entry("http", 8080), entry("management", 8090));
        for (String probe : PROBES) {
            assertThat(val(container, probe + ".httpGet.port")).as(probe).isEqualTo("management");
        }
        assertThat(val(container, "startupProbe.httpGet.path")).isEqualTo("/livez");
        assertThat(ContainerEnvironment.of(platform, GATEWAY).get("BOXOFFICE_MANAGEMENT_PORT").value()).isEqualTo("8090");
        assertThat(NamedPorts.ofService(platform.get("Service", GATEWAY)))
                .containsExactly(entry("http", 8080), entry("management", 8090));
        assertThat(list(platform.get("Service", GATEWAY), "spec.ports"))
                .allSatisfy(port -> assertThat(port.get("targetPort")).isEqualTo(port.get("name")));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyServiceServesProbesAndMetricsOnItsManagementPortWhichSpringIsToldAbout(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> deployments = platform.ofKind("Deployment");
        assertThat(deployments).as("the services' Deployments").hasSizeGreaterThanOrEqualTo(Charts.SERVICES.size());
        for (Map<String, Object> deployment : deployments) {
            String service = at(deployment, "spec.selector.matchLabels.app\\.kubernetes\\.io/name");
            String name = Rendered.nameOf(deployment);
            Map<String, Object> container = NamedPorts.containers(deployment).getFirst();
            assertThat(NamedPorts.ofContainer(container)).as(name).containsEntry("management", 8090).containsKey("http");
            for (String probe : PROBES) {
                assertThat(val(container, probe + ".httpGet.port")).as(name + " " + probe).isEqualTo("management");
            }
            Map<String, ContainerEnvironment.Source> env = ContainerEnvironment.of(platform, (String) at(deployment, "metadata.name"));
            assertThat(env.get("MANAGEMENT_SERVER_PORT").value()).as(name).isEqualTo("8090");
            assertThat(env.get("BOXOFFICE_MANAGEMENT_PORT").value()).as(name).isEqualTo("8090");
            assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ADDADDITIONALPATHS").value()).as(name).isEqualTo("false");
            assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_LIVENESS_ADDITIONALPATH").value()).as(name).isEqualTo("management:/livez");
            assertThat(env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_ADDITIONALPATH").value()).as(name).isEqualTo("management:/readyz");
            assertThat(NamedPorts.ofService(platform.get("Service", service))).as(service).containsKeys("http", "management");
        }
    }

    @Test
    void aServiceWithoutAManagementPortKeepsProbesOnItsServicePort() {
        Rendered platform = Charts.platform(Profile.DEFAULTS, Map.of("analytics-service.managementPort", 0));
        Map<String, Object> container = NamedPorts.containers(platform.get("Deployment", "analytics-service")).getFirst();

        assertThat(NamedPorts.ofContainer(container).keySet()).containsExactly("http");
        for (String probe : PROBES) {
            assertThat(val(container, probe + ".httpGet.port")).as(probe).isEqualTo("http");
        }
        assertThat(ContainerEnvironment.of(platform, "analytics-service")).doesNotContainKeys("MANAGEMENT_SERVER_PORT", "BOXOFFICE_MANAGEMENT_PORT");
    }

    @Test
    void prometheusScrapesEveryServiceOnItsManagementPort() {
        Rendered production = Charts.platform(Profile.PRODUCTION);

        for (String service : Charts.SERVICES) {
            assertThat(list(production.get("ServiceMonitor", service), "spec.endpoints")).as(service).singleElement()
                    .satisfies(endpoint -> assertThat(endpoint).containsEntry("port", "management")
                            .containsEntry("path", "/actuator/prometheus"));
            assertThat(NamedPorts.ofService(production.get("Service", service))).as(service + " names the scraped port")
                    .containsKey("management");
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theIngressRoutesOnlyToTheGatewaysPublicPort(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> backends = new ArrayList<>();
        for (Map<String, Object> ingress : platform.ofKind("Ingress")) {
            if (at(ingress, "spec.defaultBackend") != null) {
                backends.add(at(ingress, "spec.defaultBackend"));
            }
            for (Map<String, Object> rule : list(ingress, "spec.rules")) {
                list(rule, "http.paths").forEach(path -> backends.add(at(path, "backend")));
            }
        }

        assertThat(backends).as("the gateway is published").isNotEmpty().allSatisfy(backend -> {
            assertThat(val(backend, "service.name")).isEqualTo(GATEWAY);
            assertThat(val(backend, "service.port")).isEqualTo(Map.of("name", "http"));
        });
        assertThat(NamedPorts.ofService(platform.get("Service", GATEWAY)).get("http")).isEqualTo(8080);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void onlyTheMonitoringNamespaceReachesTheGatewaysManagementPort(Profile profile) {
        Rendered platform = Charts.platform(profile);
        Map<String, Object> policy = platform.get("NetworkPolicy", GATEWAY);
        Map<String, Object> gateway = platform.get("Deployment", GATEWAY);

        assertThat(NamedPorts.reachableBy(policy, gateway, namespace("ingress-nginx"))).containsExactly(8080);
        assertThat(NamedPorts.reachableBy(policy, gateway, pods("boxoffice-smoke-test"))).containsExactly(8080);
        assertThat(NamedPorts.reachableBy(policy, gateway, namespace("monitoring"))).containsExactly(8090);
        assertThat(NamedPorts.reachableBy(policy, gateway, pods("booking-service"))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyServiceAdmitsTheMonitoringNamespaceOnItsManagementPortOnly(Profile profile) {
        Rendered platform = Charts.platform(profile);
        for (String service : Charts.SERVICES) {
            List<Map<String, Object>> deployments = platform.ofKind("Deployment").stream()
                    .filter(d -> service.equals(at(d, "spec.selector.matchLabels.app\\.kubernetes\\.io/name"))).toList();
            assertThat(deployments).as(service).isNotEmpty();
            for (Map<String, Object> deployment : deployments) {
                assertThat(NamedPorts.reachableBy(platform.get("NetworkPolicy", service), deployment, namespace("monitoring")))
                        .as(Rendered.nameOf(deployment)).containsExactly(8090);
            }
        }
    }

    @Test
    void withoutAMonitoringNamespaceNothingReachesTheManagementPort() {
        Rendered closed = Charts.platform(Profile.DEFAULTS, Map.of("global.networkPolicy.monitoringNamespace", ""));
        Map<String, Object> policy = closed.get("NetworkPolicy", GATEWAY);

        assertThat(list(policy, "spec.ingress")).as("a rule without peers would admit everyone").singleElement()
                .satisfies(rule -> {
                    assertThat(list(rule, "from")).isNotEmpty();
                    assertThat(list(rule, "ports")).extracting(port -> port.get("port")).containsExactly("http");
                });
        assertThat(NamedPorts.reachableBy(policy, closed.get("Deployment", GATEWAY), namespace("ingress-nginx")))
                .containsExactly(8080);
    }

    @Test
    void anyServiceMovesManagementToItsOwnPortInBothBlueGreenSlots() {
        Rendered rendered = Charts.platform(Profile.PRODUCTION, Map.of("booking-service.managementPort", 9082));
        Map<String, Object> policy = rendered.get("NetworkPolicy", "booking-service");

        for (String slot : List.of("booking-service-blue", "booking-service-green")) {
            Map<String, Object> deployment = rendered.get("Deployment", slot);
            Map<String, Object> container = NamedPorts.containers(deployment).getFirst();
            assertThat(NamedPorts.ofContainer(container)).as(slot).containsExactly(entry("http", 8082), entry("management", 9082));
            assertThat(val(container, "readinessProbe.httpGet.port")).as(slot).isEqualTo("management");
            assertThat(ContainerEnvironment.of(rendered, slot).get("BOXOFFICE_MANAGEMENT_PORT").value()).isEqualTo("9082");
            assertThat(NamedPorts.reachableBy(policy, deployment, namespace("monitoring"))).containsExactly(9082);
            assertThat(NamedPorts.reachableBy(policy, deployment, pods("payment-service"))).containsExactly(8082);
        }
        assertThat(NamedPorts.ofService(rendered.get("Service", "booking-service")))
                .containsExactly(entry("http", 8082), entry("management", 9082));
        assertThat(list(rendered.get("ServiceMonitor", "booking-service"), "spec.endpoints"))
                .singleElement().satisfies(endpoint -> assertThat(endpoint).containsEntry("port", "management"));
    }

    @Test
    void refusesAManagementPortThatIsTheServicePort() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("gateway-service.managementPort", 8080)))
                .hasMessageContaining("managementPort 8080 must differ from port 8080");
    }
}
