package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart with a service mesh (global.mesh.provider), in every values file: sidecars injected and kept alive for the
 * pod's graceful shutdown, mTLS required between services while probes and Prometheus still reach the management port,
 * the control plane admitted by the NetworkPolicies, and no mesh retries (one layer retries: the platform's).
 */
class MeshChartTest {

    static Stream<Arguments> profilesAndMeshes() {
        return Stream.of(Profile.values()).flatMap(p -> Stream.of(Arguments.of(p, "linkerd"), Arguments.of(p, "istio")));
    }

    private static Rendered meshed(Profile profile, String mesh) {
        Rendered platform = Charts.platform(profile, Map.of("global.mesh.provider", mesh));
        platform.objects().forEach(KubernetesModels::validate);
        return platform;
    }

    @ParameterizedTest
    @MethodSource("profilesAndMeshes")
    void everyServiceJoinsTheMeshAndItsProbesStayOnTheManagementPort(Profile profile, String mesh) {
        Rendered platform = meshed(profile, mesh);

        for (Map<String, Object> deployment : platform.all("Deployment")) {
            if (!"boxoffice".equals(at(deployment, "metadata.labels.app\\.kubernetes\\.io/part-of"))) {
                continue;
            }
            String name = at(deployment, "metadata.name");
            Map<String, Object> annotations = at(deployment, "spec.template.metadata.annotations");
            Map<String, Object> labels = at(deployment, "spec.template.metadata.labels");
            int grace = at(deployment, "spec.template.spec.terminationGracePeriodSeconds");
            if (mesh.equals("linkerd")) {
                assertThat(annotations).as(name).containsEntry("linkerd.io/inject", "enabled");
                int wait = Integer.parseInt((String) annotations.get("config.alpha.linkerd.io/proxy-wait-before-exit-seconds"));
                assertThat(wait).as(name + ": the proxy outlives the app's drain, within the grace period")
                        .isGreaterThan(5).isLessThan(grace);
            } else {
                assertThat(labels).as(name).containsEntry("sidecar.istio.io/inject", "true");
                assertThat((String) annotations.get("proxy.istio.io/config")).as(name)
                        .contains("\"holdApplicationUntilProxyStarts\":true").contains("terminationDrainDuration");
            }
            Map<String, Object> container = list(deployment, "spec.template.spec.containers").getFirst();
            assertThat(val(container, "readinessProbe.httpGet.port")).as(name).isEqualTo("management");
            assertThat(val(container, "livenessProbe.httpGet.port")).as(name).isEqualTo("management");
        }
    }

    @ParameterizedTest
    @MethodSource("profilesAndMeshes")
    void servicesRequireMtlsOnTheirPublicPortButNotOnTheManagementPort(Profile profile, String mesh) {
        Rendered platform = meshed(profile, mesh);

        for (String service : Charts.SERVICES) {
            boolean edge = service.equals("gateway-service");
            if (mesh.equals("istio")) {
                Map<String, Object> peer = platform.get("PeerAuthentication", service);
                assertThat(val(peer, "spec.mtls.mode")).isEqualTo("STRICT");
                Map<String, Object> ports = at(peer, "spec.portLevelMtls");
                assertThat(ports).as(service).containsEntry("8090", Map.of("mode", "PERMISSIVE"));
                assertThat(ports.containsKey(edge ? "8080" : "none")).as(service + ": only the edge takes plaintext")
                        .isEqualTo(edge);
                assertThat(ports).as(service).hasSize(edge ? 2 : 1);
            } else {
                assertThat(val(platform.get("Server", service + "-http"), "spec.accessPolicy"))
                        .as(service).isEqualTo(edge ? "all-unauthenticated" : "all-authenticated");
                assertThat(val(platform.get("Server", service + "-management"), "spec.accessPolicy"))
                        .isEqualTo("all-unauthenticated");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("profilesAndMeshes")
    void theControlPlaneIsAdmittedAndTheMeshNeverRetries(Profile profile, String mesh) {
        Rendered platform = meshed(profile, mesh);
        String controlPlane = mesh.equals("linkerd") ? "linkerd" : "istio-system";
        List<Integer> ports = mesh.equals("linkerd") ? List.of(8080, 8086, 8090) : List.of(15012);

        for (String service : Charts.SERVICES) {
            Map<String, Object> policy = platform.get("NetworkPolicy", service);
            assertThat(list(policy, "spec.egress")).as(service).anySatisfy(rule -> {
                assertThat(list(rule, "to")).containsExactly(NamedPorts.namespace(controlPlane));
                assertThat(list(rule, "ports")).extracting(port -> port.get("port")).containsExactlyElementsOf(ports);
            });
            if (mesh.equals("istio")) {
                Map<String, Object> route = list(platform.get("VirtualService", service), "spec.http").getFirst();
                assertThat(val(route, "retries.attempts")).isEqualTo(0);
                assertThat(route).doesNotContainKey("timeout");
            }
        }
        assertThat(platform.ofKind(mesh.equals("istio") ? "Server" : "PeerAuthentication")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("profilesAndMeshes")
    void withTheIngressControllerInTheMeshTheGatewayTakesMtlsOnlyToo(Profile profile, String mesh) {
        Rendered platform = Charts.platform(profile, Map.of("global.mesh.provider", mesh,
                "global.mesh.ingressInMesh", true));

        if (mesh.equals("istio")) {
            assertThat((Map<String, Object>) at(platform.get("PeerAuthentication", "gateway-service"),
                    "spec.portLevelMtls")).containsOnlyKeys("8090");
        } else {
            assertThat(val(platform.get("Server", "gateway-service-http"), "spec.accessPolicy"))
                    .isEqualTo("all-authenticated");
        }
    }
}
