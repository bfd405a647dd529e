package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KubernetesModelsTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyRenderedObjectMatchesItsKubernetesApiModel(Profile profile) {
        List<Map<String, Object>> objects = Charts.platform(profile).objects();
        assertThat(objects).hasSizeGreaterThan(30);
        for (Map<String, Object> object : objects) {
            assertThatCode(() -> KubernetesModels.validate(object)).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsUnknownField() {
        Map<String, Object> service = Map.of("apiVersion", "v1", "kind", "Service",
                "metadata", Map.of("name", "x"), "spec", Map.of("selectr", Map.of("a", "b")));

        assertThatThrownBy(() -> KubernetesModels.validate(service)).hasMessageContaining("selectr");
    }

    @Test
    void rejectsMissingRequiredField() {
        Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment",
                "metadata", Map.of("name", "x"), "spec", Map.of("replicas", 1, "selector", Map.of()));

        assertThatThrownBy(() -> KubernetesModels.validate(deployment)).hasMessageContaining("required field `template`");
    }

    @Test
    void rejectsAFieldTheOldestSupportedKubernetesDoesNotKnow() {
        // lifecycle.stopSignal arrived in Kubernetes 1.33: the newest models accept it, 1.30's must not.
        Map<String, Object> container = Map.of("name", "app", "image", "app:1",
                "lifecycle", Map.of("stopSignal", "SIGTERM"));
        Map<String, Object> pod = Map.of("apiVersion", "v1", "kind", "Pod", "metadata", Map.of("name", "x"),
                "spec", Map.of("containers", List.of(container)));

        assertThatCode(() -> KubernetesModels.NEWEST.validate("v1/Pod", new com.google.gson.Gson().toJsonTree(pod)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> KubernetesModels.validate(pod)).hasMessageContaining("1.30").hasMessageContaining("stopSignal");
    }

    @Test
    void rejectsRemovedApiVersion() {
        Map<String, Object> pdb = Map.of("apiVersion", "policy/v1beta1", "kind", "PodDisruptionBudget",
                "metadata", Map.of("name", "x"), "spec", Map.of());

        assertThatThrownBy(() -> KubernetesModels.validate(pdb)).hasMessageContaining("policy/v1beta1");
    }
}
