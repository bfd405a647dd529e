package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * booking-service's pre-scaler in every values file: its settings reach the container, and a live (not dry-run) one
 * gets exactly the Kubernetes API it needs — a Role on the named HPAs with get and patch, bound to booking's own
 * ServiceAccount, its token mounted, egress to the API server — while every other service keeps none.
 */
class PreScalingChartTest {

    static Map<String, Object> preScaling(Profile profile, boolean dryRun) {
        Map<String, Object> values = new HashMap<>(Map.of("booking-service.preScaling.enabled", true,
                "booking-service.preScaling.dryRun", dryRun));
        if (profile == Profile.MINIMAL) {
            // values-minimal.yaml turns autoscaling off: there is no HPA to raise without it.
            values.put("booking-service.autoscaling.enabled", true);
            values.put("gateway-service.autoscaling.enabled", true);
            // Autoscaled, booking-service outgrows the in-chart Postgres the quick start declares as its budget
            // (ConnectionBudgetChartTest): leave the budget out here.
            values.put("global.postgres.maxConnections", 0);
        }
        return values;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aLivePreScalerMayGetAndPatchOnlyTheAutoscalersItRaises(Profile profile) {
        Rendered platform = Charts.platform(profile, preScaling(profile, false));
        platform.objects().forEach(KubernetesModels::validate);

        Map<String, Object> role = platform.get("Role", "booking-service");
        assertThat(platform.ofKind("Role")).hasSize(1);
        assertThat(list(role, "rules")).containsExactly(Map.of("apiGroups", List.of("autoscaling"),
                "resources", List.of("horizontalpodautoscalers"),
                "resourceNames", List.of("booking-service-blue", "booking-service-green", "gateway-service"),
                "verbs", List.of("get", "patch")));
        for (String autoscaler : List.of("booking-service-blue", "booking-service-green", "gateway-service")) {
            assertThat(platform.find("HorizontalPodAutoscaler", autoscaler)).as(autoscaler).isPresent();
        }
        Map<String, Object> binding = platform.get("RoleBinding", "booking-service");
        assertThat(val(binding, "roleRef.name")).isEqualTo("booking-service");
        assertThat(list(binding, "subjects")).singleElement().satisfies(subject -> {
            assertThat(subject).containsEntry("kind", "ServiceAccount").containsEntry("name", "booking-service");
        });
        assertThat(platform.get("ServiceAccount", "booking-service")).isNotNull();
        for (Map<String, Object> deployment : platform.all("Deployment")) {
            String name = at(deployment, "metadata.name");
            assertThat(val(deployment, "spec.template.spec.automountServiceAccountToken")).as(name)
                    .isEqualTo(name.startsWith("booking-service"));
        }
        assertThat(egressPorts(platform.get("NetworkPolicy", "booking-service"))).contains(443, 6443);
        assertThat(egressPorts(platform.get("NetworkPolicy", "gateway-service"))).doesNotContain(6443);
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void thePreScalersSettingsReachBookingServiceOnly(Profile profile) {
        Rendered platform = Charts.platform(profile, preScaling(profile, false));

        Map<String, Object> config = at(platform.get("ConfigMap", "booking-service"), "data");
        assertThat(config).containsEntry("BOXOFFICE_PRESCALING_ENABLED", "true")
                .containsEntry("BOXOFFICE_PRESCALING_DRYRUN", "false")
                .containsEntry("BOXOFFICE_PRESCALING_LEAD", "10m")
                .doesNotContainKey("BOXOFFICE_PRESCALING_NAMESPACE")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_0_AUTOSCALER", "booking-service-blue")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_1_AUTOSCALER", "booking-service-green")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_2_AUTOSCALER", "gateway-service")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_0_BUYERSPERREPLICA", "500")
                .containsEntry("BOXOFFICE_BOOKING_PRESCALING_BUYERSPERTICKET", "3");
        assertThat(config.get("BOXOFFICE_PRESCALING_TARGETS_0_MAXREPLICAS"))
                .isEqualTo(String.valueOf(Rendered.<Integer>at(platform.get("HorizontalPodAutoscaler",
                        "booking-service-blue"), "spec.maxReplicas")));
        assertThat(config.get("BOXOFFICE_PRESCALING_TARGETS_0_BASEMINREPLICAS"))
                .isEqualTo(String.valueOf(Rendered.<Integer>at(platform.get("HorizontalPodAutoscaler",
                        "booking-service-blue"), "spec.minReplicas")));
        assertThat(config.get("BOXOFFICE_PRESCALING_TARGETS_1_MAXREPLICAS")).as("the idle slot stays at its minimum")
                .isEqualTo(config.get("BOXOFFICE_PRESCALING_TARGETS_1_BASEMINREPLICAS"));
        for (String other : List.of("gateway-service", "user-service", "payment-service")) {
            assertThat((Map<String, Object>) at(platform.get("ConfigMap", other), "data")).as(other)
                    .doesNotContainKey("BOXOFFICE_PRESCALING_ENABLED");
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void aDryRunGetsNoRoleAndNoToken(Profile profile) {
        Rendered platform = Charts.platform(profile, preScaling(profile, true));
        platform.objects().forEach(KubernetesModels::validate);

        assertThat(platform.ofKind("Role")).isEmpty();
        assertThat(platform.ofKind("RoleBinding")).isEmpty();
        assertThat(platform.all("Deployment")).allSatisfy(deployment ->
                assertThat(val(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo(false));
        assertThat((Map<String, Object>) at(platform.get("ConfigMap", "booking-service"), "data"))
                .containsEntry("BOXOFFICE_PRESCALING_DRYRUN", "true");
    }

    @Test
    void offByDefaultNothingOfItIsRendered() {
        for (Profile profile : List.of(Profile.DEFAULTS, Profile.MINIMAL, Profile.K8S)) {
            Rendered platform = Charts.platform(profile);
            assertThat(platform.ofKind("Role")).as(profile.name()).isEmpty();
            assertThat((Map<String, Object>) at(platform.get("ConfigMap", "booking-service"), "data")).as(profile.name())
                    .doesNotContainKey("BOXOFFICE_PRESCALING_ENABLED");
        }
    }

    @Test
    void productionRunsItAsADryRunFirst() {
        Map<String, Object> config = at(Charts.platform(Profile.PRODUCTION).get("ConfigMap", "booking-service"), "data");

        assertThat(config).containsEntry("BOXOFFICE_PRESCALING_DRYRUN", "true")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_2_MAXREPLICAS", "60");
        assertThat(Charts.platform(Profile.PRODUCTION).ofKind("Role")).isEmpty();
    }

    @Test
    void theRoleNamesTheReleasesAutoscalersAndTheActiveSlot() {
        Rendered platform = Charts.platformAs("shop", Profile.DEFAULTS, Map.of("global.releasePrefix", true,
                "booking-service.preScaling.enabled", true, "booking-service.preScaling.dryRun", false,
                "booking-service.blueGreen.activeSlot", "green"));

        assertThat(Rendered.<List<String>>at(list(platform.get("Role", "shop-booking-service"), "rules").getFirst(),
                "resourceNames")).containsExactly("shop-booking-service-green", "shop-booking-service-blue",
                "shop-gateway-service");
        assertThat(platform.find("HorizontalPodAutoscaler", "shop-booking-service-green")).isPresent();
        assertThat(val(list(platform.get("RoleBinding", "shop-booking-service"), "subjects").getFirst(), "namespace"))
                .isEqualTo("default");
    }

    @Test
    void isRefusedWithoutAutoscaling() {
        assertThatThrownBy(() -> Charts.platform(Profile.MINIMAL, Map.of("booking-service.preScaling.enabled", true)))
                .hasMessageContaining("preScaling needs autoscaling.enabled");
    }

    static List<Integer> egressPorts(Map<String, Object> policy) {
        return list(policy, "spec.egress").stream().flatMap(rule -> list(rule, "ports").stream())
                .map(port -> port.get("port")).filter(Integer.class::isInstance).map(Integer.class::cast).toList();
    }
}
