package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.val;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.nameOf;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.SoftAssertions;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Operational policies every rendering of the platform must keep. */
class PlatformPolicyTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyDeploymentHasProbesResourcesAndALockedDownSecurityContext(Profile profile) {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : Charts.platform(profile).all("Deployment")) {
            Map<String, Object> pod = at(deployment, "spec.template.spec");
            String name = nameOf(deployment);
            softly.assertThat(val(pod, "securityContext.runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
            softly.assertThat(val(pod, "securityContext.seccompProfile.type")).as(name + " seccomp").isEqualTo("RuntimeDefault");
            softly.assertThat(Rendered.<Integer>at(pod, "terminationGracePeriodSeconds")).as(name + " grace period").isGreaterThanOrEqualTo(30);
            softly.assertThat(list(pod, "containers")).as(name + " containers").isNotEmpty();
            for (Map<String, Object> container : list(pod, "containers")) {
                softly.assertThat(container).as(name + " probes").containsKeys("livenessProbe", "readinessProbe", "startupProbe");
                softly.assertThat(val(container, "readinessProbe.httpGet.path")).as(name + " readiness").isEqualTo("/readyz");
                softly.assertThat(val(container, "livenessProbe.httpGet.path")).as(name + " liveness").isEqualTo("/livez");
                softly.assertThat(val(container, "resources.requests.cpu")).as(name + " cpu request").isNotNull();
                softly.assertThat(val(container, "resources.requests.memory")).as(name + " memory request").isNotNull();
                softly.assertThat(val(container, "resources.limits.memory")).as(name + " memory limit").isNotNull();
                softly.assertThat(val(container, "securityContext.readOnlyRootFilesystem")).as(name + " read-only root").isEqualTo(true);
                softly.assertThat(val(container, "securityContext.allowPrivilegeEscalation")).as(name + " escalation").isEqualTo(false);
                softly.assertThat(val(container, "securityContext.capabilities.drop")).as(name + " capabilities").isEqualTo(List.of("ALL"));
                softly.assertThat(list(container, "volumeMounts")).as(name + " writable /tmp")
                        .anySatisfy(mount -> assertThat(mount).containsEntry("mountPath", "/tmp"));
                softly.assertThat(val(container, "lifecycle.preStop")).as(name + " preStop").isNotNull();
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyAutoscalerTargetsAnExistingDeploymentWithCpuRequests(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> autoscalers = platform.ofKind("HorizontalPodAutoscaler");
        // values-minimal.yaml turns autoscaling off; everywhere else each Deployment has one.
        assertThat(autoscalers).hasSize(profile == Profile.MINIMAL ? 0 : platform.ofKind("Deployment").size());
        for (Map<String, Object> hpa : autoscalers) {
            assertThat(val(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            Map<String, Object> target = platform.get("Deployment", at(hpa, "spec.scaleTargetRef.name"));
            assertThat(list(target, "spec.template.spec.containers"))
                    .as("%s needs CPU requests for utilization targets", nameOf(target))
                    .allSatisfy(c -> assertThat(val(c, "resources.requests.cpu")).isNotNull());
            assertThat((Map<String, Object>) at(target, "spec")).as("the HPA, not Helm, owns the replica count of " + nameOf(target))
                    .doesNotContainKey("replicas");
            assertThat(Rendered.<Integer>at(hpa, "spec.minReplicas")).isLessThanOrEqualTo(at(hpa, "spec.maxReplicas"));
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void autoscalersScaleUpFastAndDownSlowly(Profile profile) {
        List<Map<String, Object>> autoscalers = Charts.platform(profile).ofKind("HorizontalPodAutoscaler");
        assertThat(autoscalers).hasSize(profile == Profile.MINIMAL ? 0 : 7);
        for (Map<String, Object> hpa : autoscalers) {
            assertThat(Rendered.<Integer>at(hpa, "spec.behavior.scaleUp.stabilizationWindowSeconds")).isZero();
            assertThat(Rendered.<Integer>at(hpa, "spec.behavior.scaleDown.stabilizationWindowSeconds")).isGreaterThanOrEqualTo(120);
            assertThat(list(hpa, "spec.metrics")).anySatisfy(m -> assertThat(val(m, "resource.name")).isEqualTo("cpu"));
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void disruptionBudgetsLeaveRoomToEvictAPod(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> budgets = platform.ofKind("PodDisruptionBudget");
        // values-minimal.yaml runs one replica per service: no budget could let a drain proceed.
        assertThat(budgets).as("one budget per Deployment")
                .hasSize(profile == Profile.MINIMAL ? 0 : platform.ofKind("Deployment").size());
        for (Map<String, Object> pdb : budgets) {
            Map<String, Object> deployment = platform.ofKind("Deployment").stream()
                    .filter(d -> Objects.equals(at(d, "spec.selector.matchLabels"), at(pdb, "spec.selector.matchLabels")))
                    .findFirst().orElseThrow(() -> new AssertionError(nameOf(pdb) + " selects no Deployment"));
            int replicas = platform.find("HorizontalPodAutoscaler", at(deployment, "metadata.name"))
                    .map(hpa -> (Integer) at(hpa, "spec.minReplicas"))
                    .orElseGet(() -> at(deployment, "spec.replicas"));
            Object minAvailable = at(pdb, "spec.minAvailable");
            if (minAvailable != null) {
                int required = minAvailable instanceof String percent
                        ? (int) Math.ceil(replicas * Integer.parseInt(percent.replace("%", "")) / 100.0)
                        : (Integer) minAvailable;
                assertThat(required).as("%s minAvailable against %d replicas: a drain could never evict", nameOf(pdb), replicas)
                        .isLessThan(replicas);
            } else {
                assertThat(disruptions(at(pdb, "spec.maxUnavailable"), replicas))
                        .as("%s lets a drain evict a pod of %d", nameOf(pdb), replicas).isBetween(1, replicas - 1);
            }
        }
    }

    /** Pods a PodDisruptionBudget's maxUnavailable lets go at once (a percentage rounds up, as Kubernetes does). */
    static int disruptions(Object maxUnavailable, int replicas) {
        return maxUnavailable instanceof String percent
                ? (int) Math.ceil(replicas * Integer.parseInt(percent.replace("%", "")) / 100.0)
                : (Integer) maxUnavailable;
    }

    /** A port name nothing declares fails silently in a cluster: a probe that never passes, a scrape or route to nowhere. */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyNamedPortResolvesToAPortTheTargetDeclares(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> workloads = new java.util.ArrayList<>(platform.all("Deployment"));
        workloads.addAll(platform.ofKind("StatefulSet"));
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> workload : workloads) {
            for (Map<String, Object> container : NamedPorts.containers(workload)) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    for (String handler : List.of("httpGet", "tcpSocket")) {
                        if (at(container, probe + "." + handler + ".port") instanceof String name) {
                            softly.assertThat(NamedPorts.ofContainer(container)).as(nameOf(workload) + " " + probe).containsKey(name);
                        }
                    }
                }
            }
        }
        for (Map<String, Object> service : platform.all("Service")) {
            List<Map<String, Object>> selected = selected(workloads, at(service, "spec.selector"));
            softly.assertThat(selected).as(nameOf(service) + " selects pods").isNotEmpty();
            for (Map<String, Object> port : list(service, "spec.ports")) {
                if (port.get("targetPort") instanceof String name) {
                    selected.forEach(w -> softly.assertThat(NamedPorts.ofWorkload(w)).as(nameOf(service) + " -> " + nameOf(w)).containsKey(name));
                }
            }
        }
        for (Map<String, Object> policy : platform.all("NetworkPolicy")) {
            for (Map<String, Object> workload : selected(workloads, at(policy, "spec.podSelector.matchLabels"))) {
                for (Map<String, Object> rule : list(policy, "spec.ingress")) {
                    for (Map<String, Object> port : list(rule, "ports")) {
                        if (port.get("port") instanceof String name) {
                            softly.assertThat(NamedPorts.ofWorkload(workload)).as(nameOf(policy) + " on " + nameOf(workload)).containsKey(name);
                        }
                    }
                }
            }
        }
        for (Map<String, Object> ingress : platform.all("Ingress")) {
            softly.assertThat(list(ingress, "spec.rules")).as(nameOf(ingress) + " rules").isNotEmpty();
            for (Map<String, Object> rule : list(ingress, "spec.rules")) {
                for (Map<String, Object> path : list(rule, "http.paths")) {
                    Map<String, Object> service = platform.get("Service", at(path, "backend.service.name"));
                    softly.assertThat(NamedPorts.ofService(service)).as(nameOf(ingress)).containsKey(at(path, "backend.service.port.name"));
                }
            }
        }
        List<Map<String, Object>> monitors = platform.ofKind("ServiceMonitor");
        // Prometheus Operator objects are "auto" (absent without the operator's API) except in production.
        softly.assertThat(monitors).as("ServiceMonitors").hasSize(profile == Profile.PRODUCTION ? 6 : 0);
        for (Map<String, Object> monitor : monitors) {
            List<Map<String, Object>> services = selected(platform.ofKind("Service"), at(monitor, "spec.selector.matchLabels"), "metadata.labels");
            softly.assertThat(services).as(nameOf(monitor) + " selects a Service").isNotEmpty();
            for (Map<String, Object> endpoint : list(monitor, "spec.endpoints")) {
                services.forEach(s -> softly.assertThat(NamedPorts.ofService(s)).as(nameOf(monitor) + " -> " + nameOf(s)).containsKey((String) endpoint.get("port")));
            }
        }
        softly.assertAll();
    }

    private static List<Map<String, Object>> selected(List<Map<String, Object>> workloads, Map<String, Object> selector) {
        return selected(workloads, selector, "spec.template.metadata.labels");
    }

    private static List<Map<String, Object>> selected(List<Map<String, Object>> objects, Map<String, Object> selector, String labels) {
        return objects.stream()
                .filter(o -> Rendered.<Map<String, Object>>at(o, labels).entrySet().containsAll(selector.entrySet()))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyWorkloadIsCoveredByANetworkPolicyThatNamesItsCallers(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> policies = platform.all("NetworkPolicy");
        List<Map<String, Object>> workloads = new java.util.ArrayList<>(platform.all("Deployment"));
        workloads.addAll(platform.ofKind("StatefulSet"));
        for (Map<String, Object> workload : workloads) {
            Map<String, Object> podLabels = at(workload, "spec.template.metadata.labels");
            assertThat(policies).as(nameOf(workload) + " is covered").anySatisfy(policy -> {
                Map<String, Object> selector = at(policy, "spec.podSelector.matchLabels");
                assertThat(podLabels).containsAllEntriesOf(selector);
            });
        }
        for (Map<String, Object> policy : policies) {
            assertThat(val(policy, "spec.policyTypes")).isEqualTo(List.of("Ingress", "Egress"));
            assertThat(list(policy, "spec.ingress")).as(nameOf(policy) + " admits only named peers")
                    .allSatisfy(rule -> assertThat(list(rule, "from")).isNotEmpty());
        }
    }
}
