package org.boxoffice.helm;

import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where each environment variable of a Deployment's container comes from, as Kubernetes resolves it:
 * envFrom sources in order, then explicit env entries, each later one winning.
 */
final class ContainerEnvironment {

    /** A variable's origin: the ConfigMap or Secret (and key) it is read from, or a literal value. */
    record Source(String kind, String name, String key, Object value) {

        boolean isSecret() {
            return "Secret".equals(kind);
        }
    }

    private ContainerEnvironment() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Source> of(Rendered rendered, String deployment) {
        Map<String, Object> container = list(rendered.get("Deployment", deployment), "spec.template.spec.containers").getFirst();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map<String, Object> from : list(container, "envFrom")) {
            String configMap = at(from, "configMapRef.name");
            String secret = at(from, "secretRef.name");
            if (configMap != null) {
                ((Map<String, Object>) at(rendered.get("ConfigMap", configMap), "data"))
                        .forEach((key, value) -> sources.put(key, new Source("ConfigMap", configMap, key, value)));
            } else if (rendered.find("Secret", secret).isPresent()) {
                ((Map<String, Object>) at(rendered.get("Secret", secret), "stringData"))
                        .forEach((key, value) -> sources.put(key, new Source("Secret", secret, key, value)));
            } else {
                // A Secret the chart does not render (existingSecret): its keys are unknown here.
                sources.put("*" + secret, new Source("Secret", secret, null, null));
            }
        }
        for (Map<String, Object> env : list(container, "env")) {
            String name = (String) env.get("name");
            Map<String, Object> secretRef = at(env, "valueFrom.secretKeyRef");
            sources.put(name, secretRef != null
                    ? new Source("Secret", (String) secretRef.get("name"), (String) secretRef.get("key"), null)
                    : new Source("literal", null, null, env.get("value")));
        }
        return sources;
    }
}
