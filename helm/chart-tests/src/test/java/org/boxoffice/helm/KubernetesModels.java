package org.boxoffice.helm;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict validation of rendered objects against the Kubernetes API models of client-java:
 * unknown fields, missing required fields, and any apiVersion/kind the platform does not
 * knowingly target (a removed API such as policy/v1beta1 is rejected).
 */
final class KubernetesModels {

    @FunctionalInterface
    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private static final Map<String, Validator> CORE = Map.ofEntries(
            Map.entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
            Map.entry("v1/Secret", V1Secret::validateJsonElement),
            Map.entry("v1/Service", V1Service::validateJsonElement),
            Map.entry("v1/ServiceAccount", V1ServiceAccount::validateJsonElement),
            Map.entry("v1/Pod", V1Pod::validateJsonElement),
            Map.entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
            Map.entry("apps/v1/StatefulSet", V1StatefulSet::validateJsonElement),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy::validateJsonElement),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement));

    /** Prometheus Operator kinds have no client-java model: check the fields the operator requires. */
    private static final Map<String, List<String>> OPERATOR_REQUIRED = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", List.of("spec.selector", "spec.endpoints"),
            "monitoring.coreos.com/v1/PrometheusRule", List.of("spec.groups"));

    private static final Set<String> OPERATOR_RULE_KEYS = Set.of("alert", "record", "expr", "for", "labels", "annotations");

    private static final Gson GSON = new Gson();

    private KubernetesModels() {
    }

    static void validate(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        try {
            Validator validator = CORE.get(type);
            if (validator != null) {
                validator.validate(GSON.toJsonTree(object));
            } else if (OPERATOR_REQUIRED.containsKey(type)) {
                validateOperatorObject(type, object);
            } else {
                throw new IllegalArgumentException("unsupported or removed API " + type);
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(Rendered.nameOf(object) + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void validateOperatorObject(String type, Map<String, Object> object) {
        for (String path : OPERATOR_REQUIRED.get(type)) {
            if (Rendered.at(object, path) == null) {
                throw new IllegalArgumentException("missing " + path);
            }
        }
        for (Map<String, Object> group : Rendered.list(object, "spec.groups")) {
            for (Map<String, Object> rule : Rendered.list(group, "rules")) {
                if (!OPERATOR_RULE_KEYS.containsAll(rule.keySet()) || !(rule.get("expr") instanceof String)) {
                    throw new IllegalArgumentException("malformed rule " + rule);
                }
            }
        }
    }
}
