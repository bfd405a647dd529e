package org.boxoffice.helm;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict validation of rendered objects against the Kubernetes API models of client-java, for every Kubernetes the
 * chart supports: unknown fields, missing required fields, and any apiVersion/kind the platform does not knowingly
 * target (a removed API such as policy/v1beta1 is rejected).
 *
 * <p>Each object is checked against two sets of models: the newest (client-java-api on the test classpath) and those
 * of the oldest supported Kubernetes ({@code Chart.yaml} {@code kubeVersion}: 1.30, client-java-api 21, copied into
 * {@code target/} by the build and loaded in a class loader of its own). The stable APIs the chart uses only ever gain
 * fields, so an object both accept is valid on every version in between: a field newer than the oldest supported
 * Kubernetes fails the oldest models, a field removed or misspelt fails both.
 */
final class KubernetesModels {

    /** The model class of each kind the chart renders: same names in every client-java version. */
    private static final Map<String, String> CORE = Map.ofEntries(
            Map.entry("v1/ConfigMap", "V1ConfigMap"),
            Map.entry("v1/Secret", "V1Secret"),
            Map.entry("v1/Service", "V1Service"),
            Map.entry("v1/ServiceAccount", "V1ServiceAccount"),
            Map.entry("v1/Pod", "V1Pod"),
            Map.entry("apps/v1/Deployment", "V1Deployment"),
            Map.entry("apps/v1/StatefulSet", "V1StatefulSet"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
            Map.entry("policy/v1/PodDisruptionBudget", "V1PodDisruptionBudget"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "V1NetworkPolicy"),
            Map.entry("networking.k8s.io/v1/Ingress", "V1Ingress"),
            Map.entry("rbac.authorization.k8s.io/v1/Role", "V1Role"),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", "V1RoleBinding"));

    /** One client-java's models: {@code validateJsonElement} of each model class, from the given class loader. */
    record Models(String version, ClassLoader loader) {

        void validate(String type, JsonElement json) throws IOException {
            try {
                Class<?> model = Class.forName("io.kubernetes.client.openapi.models." + CORE.get(type), true, loader);
                Method validate;
                try {
                    validate = model.getMethod("validateJsonElement", JsonElement.class);
                } catch (NoSuchMethodException olderGenerator) {
                    // client-java before 22 generated validateJsonObject(JsonObject): the same checks.
                    validate = model.getMethod("validateJsonObject", com.google.gson.JsonObject.class);
                    json = json.getAsJsonObject();
                }
                validate.invoke(null, json);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IOException | e.getCause() instanceof RuntimeException) {
                    throw new IllegalArgumentException("Kubernetes " + version + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Kubernetes " + version + " has no model for " + type, e);
            }
        }
    }

    static final Models NEWEST = new Models(System.getProperty("boxoffice.newestKubernetesVersion", "newest"),
            KubernetesModels.class.getClassLoader());
    static final Models OLDEST = oldest();

    /**
     * Kinds of operators (Prometheus Operator, External Secrets, Istio, Linkerd) have no client-java model: the
     * fields each requires, and the only keys its {@code spec} may have (a misspelt one would be ignored by the
     * operator, silently).
     */
    record OperatorKind(List<String> required, Set<String> specKeys) {
    }

    private static final Map<String, OperatorKind> OPERATOR_KINDS = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor", new OperatorKind(List.of("spec.selector", "spec.endpoints"),
                    Set.of("selector", "endpoints", "namespaceSelector", "jobLabel")),
            "monitoring.coreos.com/v1/PrometheusRule", new OperatorKind(List.of("spec.groups"), Set.of("groups")),
            "external-secrets.io/v1/ExternalSecret", new OperatorKind(List.of("spec.secretStoreRef.name",
                    "spec.secretStoreRef.kind", "spec.target.name", "spec.dataFrom"),
                    Set.of("refreshInterval", "secretStoreRef", "target", "dataFrom", "data", "refreshPolicy")),
            "security.istio.io/v1/PeerAuthentication", new OperatorKind(List.of("spec.selector.matchLabels",
                    "spec.mtls.mode"), Set.of("selector", "mtls", "portLevelMtls")),
            "networking.istio.io/v1/VirtualService", new OperatorKind(List.of("spec.hosts", "spec.http"),
                    Set.of("hosts", "gateways", "http", "tls", "tcp", "exportTo")),
            "policy.linkerd.io/v1beta3/Server", new OperatorKind(List.of("spec.podSelector.matchLabels", "spec.port"),
                    Set.of("podSelector", "port", "proxyProtocol", "accessPolicy")));

    private static final Set<String> OPERATOR_RULE_KEYS = Set.of("alert", "record", "expr", "for", "labels", "annotations");

    private static final Gson GSON = new Gson();

    private KubernetesModels() {
    }

    /**
     * The oldest supported Kubernetes' models: {@code io.kubernetes} classes only from its jar (the newest are on the
     * parent's class path under the same names), everything else from the parent (Gson, so both take one JsonElement).
     */
    private static Models oldest() {
        Path jar = Path.of(System.getProperty("boxoffice.oldestKubernetesModels",
                "target/kubernetes-models/client-java-api-oldest.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no models of the oldest supported Kubernetes at " + jar
                    + ": the build copies them there (maven-dependency-plugin, generate-test-resources)");
        }
        try {
            ClassLoader parent = KubernetesModels.class.getClassLoader();
            URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, parent) {
                @Override
                protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                    if (!name.startsWith("io.kubernetes.")) {
                        return super.loadClass(name, resolve);
                    }
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        if (loaded == null) {
                            // Never the newest's class instead: a kind without a model in the oldest must fail.
                            loaded = findClass(name);
                        }
                        if (resolve) {
                            resolveClass(loaded);
                        }
                        return loaded;
                    }
                }
            };
            return new Models(System.getProperty("boxoffice.oldestKubernetesVersion", "oldest"), loader);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void validate(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        try {
            if (CORE.containsKey(type)) {
                JsonElement json = GSON.toJsonTree(object);
                NEWEST.validate(type, json);
                OLDEST.validate(type, json);
            } else if (OPERATOR_KINDS.containsKey(type)) {
                validateOperatorObject(type, object);
            } else {
                throw new IllegalArgumentException("unsupported or removed API " + type);
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(Rendered.nameOf(object) + " is invalid: " + e.getMessage(), e);
        }
    }

    private static void validateOperatorObject(String type, Map<String, Object> object) {
        OperatorKind kind = OPERATOR_KINDS.get(type);
        for (String path : kind.required()) {
            if (Rendered.at(object, path) == null) {
                throw new IllegalArgumentException("missing " + path);
            }
        }
        Map<String, Object> spec = Rendered.at(object, "spec");
        if (!kind.specKeys().containsAll(spec.keySet())) {
            throw new IllegalArgumentException("unknown spec field in " + spec.keySet() + ", allowed: " + kind.specKeys());
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
