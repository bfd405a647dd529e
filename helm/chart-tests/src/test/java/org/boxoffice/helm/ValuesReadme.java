package org.boxoffice.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the chart's values table (helm/boxoffice/README.md) from the values files and their helm-docs style
 * comments: a comment block starting with {@code # --} describes the key below it. A value's default comes from the
 * parsed YAML; its description from the comment, or, for a service's override of a shared key, from the shared one.
 */
final class ValuesReadme {

    private static final Pattern KEY = Pattern.compile("^(\\s*)(\"[^\"]+\"|[A-Za-z0-9_.\\-]+):(\\s|$)");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)- ");

    private ValuesReadme() {
    }

    static String render(Path helm) throws IOException {
        Map<String, String> shared = descriptions(helm.resolve("boxoffice-lib/values.yaml"), "exports.defaults.");
        Map<String, Object> sharedValues = Rendered.at(load(helm.resolve("boxoffice-lib/values.yaml")), "exports.defaults");
        StringBuilder out = new StringBuilder();
        out.append("""
                # Boxoffice Helm chart

                <!-- GENERATED from the values files' `# --` comments by ValuesReadme (helm/chart-tests). Do not edit:
                     change the comments, then run %s -->

                The whole platform in one release: six services, optionally a quick-start Postgres and Redis, the
                bootstrap Secrets, a Grafana dashboard and a `helm test` check. Requires Kubernetes 1.30 or later.
                How to install, upgrade (Helm and Argo CD) and operate it: [docs/operations.md](../../docs/operations.md).
                `values.schema.json` rejects unknown keys and ill-typed values.

                ```sh
                helm upgrade --install boxoffice helm/boxoffice -n boxoffice --create-namespace -f my-values.yaml
                ```

                ## Platform values (`helm/boxoffice/values.yaml`)

                `global` is handed to every service; the other keys belong to the umbrella chart.

                """.formatted(GeneratedManifestsTest.REGENERATE));
        Map<String, String> platform = descriptions(helm.resolve("boxoffice/values.yaml"), "");
        Map<String, String> globalFallback = new HashMap<>();
        shared.forEach((key, text) -> globalFallback.put(key, text));
        Map<String, Object> umbrella = load(helm.resolve("boxoffice/values.yaml"));
        for (String service : Charts.SERVICES) {
            umbrella.remove(service);
        }
        table(out, umbrella, "", platform, globalFallback);

        out.append("""

                ## Every service (`helm/boxoffice-lib/values.yaml`)

                Each service chart takes these keys; in the platform set them under the service's name, e.g.
                `booking-service.http.maxConcurrentRequests`. A service's own defaults, where they differ, are listed
                in its section below.

                """);
        Map<String, Object> withoutGlobal = new java.util.LinkedHashMap<>(sharedValues);
        withoutGlobal.remove("global");
        table(out, withoutGlobal, "", shared, Map.of());

        for (String service : Charts.SERVICES) {
            Path values = helm.resolve(service + "/values.yaml");
            out.append("\n## ").append(service).append(" (`helm/").append(service).append("/values.yaml`)\n\n");
            out.append("Set under `").append(service).append(".` in the platform.\n\n");
            table(out, load(values), "", descriptions(values, ""), shared);
        }
        return out.toString();
    }

    private static void table(StringBuilder out, Map<String, Object> values, String prefix, Map<String, String> own,
            Map<String, String> fallback) {
        out.append("| key | type | default | description |\n|---|---|---|---|\n");
        rows(out, values, prefix, own, fallback, null);
    }

    /** {@code documented}: the nearest ancestor with a description, which an undescribed key points to. */
    private static void rows(StringBuilder out, Map<String, Object> values, String prefix, Map<String, String> own,
            Map<String, String> fallback, String documented) {
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String key = prefix + entry.getKey();
            String description = own.getOrDefault(key, fallback.getOrDefault(key, ""));
            String parent = documented;
            if (!description.isEmpty()) {
                parent = key;
            } else if (documented != null) {
                description = "See `" + documented + "`.";
            }
            if (entry.getValue() instanceof Map<?, ?> map && !map.isEmpty()) {
                if (!description.isEmpty()) {
                    out.append("| `").append(key).append("` | object | | ").append(cell(description)).append(" |\n");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> children = (Map<String, Object>) map;
                rows(out, children, key + ".", own, fallback, parent);
            } else {
                out.append("| `").append(key).append("` | ").append(type(entry.getValue())).append(" | ")
                        .append(cell("`" + inline(entry.getValue()) + "`")).append(" | ").append(cell(description)).append(" |\n");
            }
        }
    }

    private static String type(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> "object";
            case List<?> l -> "list";
            case Boolean b -> "bool";
            case Integer i -> "int";
            case Long l -> "int";
            case Number n -> "number";
            default -> "string";
        };
    }

    private static String inline(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "\"" + s.replace("\n", "\\n") + "\"";
            case Map<?, ?> m -> m.entrySet().stream().map(e -> e.getKey() + ": " + inline(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
            case List<?> l -> l.stream().map(ValuesReadme::inline).collect(Collectors.joining(", ", "[", "]"));
            default -> String.valueOf(value);
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path values) throws IOException {
        Map<String, Object> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(values));
        return loaded == null ? new java.util.LinkedHashMap<>() : loaded;
    }

    /** Dotted key to its `# --` comment, read line by line; keys inside list items are not values of their own. */
    static Map<String, String> descriptions(Path values, String stripPrefix) throws IOException {
        Map<String, String> found = new HashMap<>();
        Deque<int[]> indents = new ArrayDeque<>();
        Deque<String> path = new ArrayDeque<>();
        StringBuilder comment = null;
        int listIndent = -1;
        for (String line : Files.readAllLines(values)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# --")) {
                comment = new StringBuilder(trimmed.substring(4).strip());
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (comment != null) {
                    comment.append(' ').append(trimmed.substring(1).strip());
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                comment = null;
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            if (listIndent >= 0 && indent > listIndent) {
                comment = null;
                continue;
            }
            listIndent = -1;
            if (LIST_ITEM.matcher(line).find()) {
                listIndent = indent;
                comment = null;
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.find()) {
                comment = null;
                continue;
            }
            while (!indents.isEmpty() && indents.peek()[0] >= indent) {
                indents.pop();
                path.removeLast();
            }
            indents.push(new int[] {indent});
            path.addLast(key.group(2).replace("\"", ""));
            if (comment != null) {
                String dotted = String.join(".", path);
                if (dotted.startsWith(stripPrefix)) {
                    found.put(dotted.substring(stripPrefix.length()), comment.toString());
                }
            }
            comment = null;
            // A list under this key: its items (at this indent or deeper) are its value, not keys.
            if (trimmed.endsWith(":")) {
                listIndent = -1;
            }
        }
        return found;
    }
}
