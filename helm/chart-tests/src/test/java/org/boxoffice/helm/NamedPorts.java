package org.boxoffice.helm;

import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Ports by name, as Kubernetes resolves them between pods, Services and NetworkPolicies. */
final class NamedPorts {

    private NamedPorts() {
    }

    /** The containers of a workload (Deployment or StatefulSet). */
    static List<Map<String, Object>> containers(Map<String, Object> workload) {
        return list(workload, "spec.template.spec.containers");
    }

    /** A container's ports, name to number, in declaration order. */
    static Map<String, Integer> ofContainer(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        list(container, "ports").forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("containerPort")));
        return ports;
    }

    /** Every container port of a workload, name to number. */
    static Map<String, Integer> ofWorkload(Map<String, Object> workload) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        containers(workload).forEach(container -> ports.putAll(ofContainer(container)));
        return ports;
    }

    /** A Service's ports, name to port number, in declaration order. */
    static Map<String, Integer> ofService(Map<String, Object> service) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        list(service, "spec.ports").forEach(port -> ports.put((String) port.get("name"), (Integer) port.get("port")));
        return ports;
    }

    /**
     * The container port numbers a NetworkPolicy opens to one peer on the workload it selects: the union of
     * the ingress rules that list the peer (a rule without {@code from} admits every peer), each rule's ports
     * resolved by name through the workload's containers (a rule without {@code ports} opens every port).
     */
    static Set<Integer> reachableBy(Map<String, Object> policy, Map<String, Object> workload, Map<String, Object> peer) {
        Map<String, Integer> declared = ofWorkload(workload);
        Set<Integer> reachable = new TreeSet<>();
        for (Map<String, Object> rule : list(policy, "spec.ingress")) {
            List<Map<String, Object>> from = at(rule, "from");
            if (from != null && !from.contains(peer)) {
                continue;
            }
            List<Map<String, Object>> ports = at(rule, "ports");
            if (ports == null || ports.isEmpty()) {
                reachable.addAll(declared.values());
                continue;
            }
            for (Map<String, Object> port : ports) {
                Object value = port.get("port");
                if (value instanceof String name) {
                    if (declared.containsKey(name)) {
                        reachable.add(declared.get(name));
                    }
                } else {
                    reachable.add((Integer) value);
                }
            }
        }
        return reachable;
    }

    /** A NetworkPolicy peer selecting a namespace by name. */
    static Map<String, Object> namespace(String name) {
        return Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", name)));
    }

    /** A NetworkPolicy peer selecting the pods of one app of the test release by app.kubernetes.io/name and instance. */
    static Map<String, Object> pods(String app) {
        return Map.of("podSelector", Map.of("matchLabels",
                Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/instance", Charts.RELEASE)));
    }
}
