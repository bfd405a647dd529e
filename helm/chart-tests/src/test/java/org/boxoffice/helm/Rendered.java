package org.boxoffice.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The objects of one `helm template` run, as plain maps. */
record Rendered(String yaml, List<Map<String, Object>> objects) {

    Rendered(String yaml) {
        this(yaml, parse(yaml));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String yaml) {
        Iterable<Object> documents = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml);
        return StreamSupport.stream(documents.spliterator(), false)
                .filter(Map.class::isInstance)
                .map(document -> (Map<String, Object>) document)
                .toList();
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** {@link #ofKind} for a kind the rendering must contain: a loop over it then checks something. */
    List<Map<String, Object>> all(String kind) {
        List<Map<String, Object>> found = ofKind(kind);
        if (found.isEmpty()) {
            throw new AssertionError("no " + kind + " rendered");
        }
        return found;
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(at(o, "metadata.name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    static String nameOf(Map<String, Object> object) {
        return object.get("kind") + "/" + at(object, "metadata.name");
    }

    /**
     * Follows a dotted path through nested maps; null when any step is missing.
     * A dot inside a key (label names) is written as {@code \\.}.
     */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String key : path.split("(?<!\\\\)\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key.replace("\\.", "."));
        }
        return (T) current;
    }

    /** {@link #at} for assertions, where a generic result would make assertThat ambiguous. */
    static Object val(Object node, String path) {
        return at(node, path);
    }

    static List<Map<String, Object>> list(Object node, String path) {
        List<Map<String, Object>> value = at(node, path);
        return value == null ? List.of() : new ArrayList<>(value);
    }
}
