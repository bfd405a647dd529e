package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.boxoffice.platform.localrun.ServiceDeclaration.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The files whose service lists, ports, routes and callers are written from {@code services.yaml}, and what their
 * generated blocks ({@link GeneratedBlocks}) hold: {@code .ci/regenerate} writes them, {@code ServiceDeclarationTest}
 * fails while one differs.
 */
final class DeclaredFiles {

    static final String REGENERATE = ".ci/regenerate";

    private final Path root;
    private final ServiceDeclaration declaration;
    private final List<Service> routed;
    private final List<Service> producers;

    private DeclaredFiles(Path root) {
        this.root = root;
        this.declaration = ServiceDeclaration.read(root);
        this.routed = declaration.services().stream().filter(s -> !s.paths().isEmpty()).toList();
        // A service with a schema keeps an outbox there and signs the events it publishes.
        this.producers = declaration.services().stream().filter(s -> s.schema() != null).toList();
    }

    /** The generated files under {@code root}, relative to it, each with its blocks' lines by block name. */
    static Map<Path, Map<String, List<String>>> blocks(Path root) {
        return new DeclaredFiles(root).all();
    }

    /**
     * Each generated file under {@code root} that differs from what the declaration makes, or cannot be generated, as
     * one line naming it and telling what to do; empty when all are up to date.
     */
    static List<String> stale(Path root) {
        List<String> stale = new ArrayList<>();
        generate(root, (file, text) -> {
            if (!text.equals(read(root, file))) {
                stale.add(file + ": differs from what " + ServiceDeclaration.FILE + " makes: run " + REGENERATE);
            }
        }, stale);
        return stale;
    }

    /** Rewrites the generated blocks under {@code root} that differ; what could not be written, one line each. */
    static List<String> write(Path root) {
        List<String> problems = new ArrayList<>();
        generate(root, (file, text) -> {
            if (text.equals(read(root, file))) {
                return;
            }
            try {
                Files.writeString(root.resolve(file), text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, problems);
        return problems;
    }

    private static void generate(Path root, BiConsumer<Path, String> sink, List<String> problems) {
        blocks(root).forEach((file, blocks) -> {
            if (!Files.isRegularFile(root.resolve(file))) {
                problems.add(file + ": missing (docs/adding-a-service.md)");
                return;
            }
            try {
                sink.accept(file, GeneratedBlocks.replace(read(root, file), blocks));
            } catch (IllegalArgumentException e) {
                problems.add(file + ": " + e.getMessage());
            }
        });
    }

    private Map<Path, Map<String, List<String>>> all() {
        Map<Path, Map<String, List<String>>> files = new LinkedHashMap<>();
        files.put(Path.of("pom.xml"), Map.of("modules", each(declaration.services(),
                s -> "<module>" + s.name() + "</module>")));
        files.put(Path.of("gateway-service/src/main/resources/application.yml"), Map.of(
                "routes", routed.stream().flatMap(s -> Stream.of(s.name() + ":",
                        "  url: ${" + s.urlVariable() + ":" + s.localUrl() + "}",
                        "  paths: " + String.join(", ", s.paths()))).toList(),
                "api-documents", routed.stream().flatMap(s -> Stream.of("- name: " + s.name(),
                        "  url: /v3/api-docs/" + s.name())).toList()));
        for (Service service : declaration.services()) {
            List<String> ports = new ArrayList<>(List.of("port: " + service.port()));
            if (service.managementPort() != null) {
                ports.add("managementPort: " + service.managementPort());
            }
            files.put(Path.of("helm", service.name(), "values.yaml"), Map.of("port", ports,
                    "callers", List.of("allowFrom: [" + String.join(", ", service.callers()) + "]")));
        }
        files.put(Path.of("helm/boxoffice-lib/templates/_helpers.tpl"), Map.of(
                "ports", List.of("{{- $ports := dict " + declaration.services().stream()
                        .map(s -> quoted(s.name()) + " " + s.port()).collect(Collectors.joining(" ")) + " -}}"),
                "producers", List.of("{{- $producers := list " + names(producers) + " -}}")));
        files.put(Path.of("helm/gateway-service/templates/_settings.tpl"), Map.of("upstreams",
                List.of("{{- $upstreams := dict " + routed.stream().map(s -> quoted(s.urlVariable()) + " "
                        + quoted(s.name())).collect(Collectors.joining(" ")) + " -}}")));
        files.put(Path.of("helm/boxoffice/Chart.yaml"), Map.of("dependencies", declaration.services().stream()
                .flatMap(s -> Stream.of("- name: " + s.name(), "  version: " + chartVersion(s),
                        "  repository: file://../" + s.name())).toList()));
        files.put(Path.of("helm/boxoffice/templates/_connection-budget.tpl"), Map.of("services",
                List.of("{{- $services := list " + names(declaration.services()) + " -}}")));
        files.put(Path.of("helm/boxoffice/templates/bootstrap-secrets.yaml"), Map.of("producers",
                List.of("{{- $producers := list " + names(producers) + " }}")));
        files.put(Path.of(".ci/sync-chart-schemas"), Map.of("services", Stream.of(List.of("SERVICES = ["),
                each(declaration.services(), s -> "    " + quoted(s.name()) + ","), List.of("]"))
                .flatMap(List::stream).toList()));
        files.put(Path.of(".ci/lint-openapi"), Map.of("targets", Stream.of(List.of("targets=("),
                each(declaration.services(), s -> "  " + s.localUrl()), List.of(")")).flatMap(List::stream).toList()));
        files.put(Path.of(".ci/smoke-local-run"), Map.of("ports", List.of("for port in "
                + declaration.services().stream().flatMap(s -> Stream.of(s.port(), s.managementPort()))
                        .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" ")) + "; do")));
        files.put(Path.of(".ci/aot-training-env"), Map.of("producers", List.of("for producer in "
                + producers.stream().map(s -> s.name() + ":" + s.port()).collect(Collectors.joining(" ")) + "; do")));
        files.put(Path.of(".github/workflows/delivery.yml"), Map.of(
                "services", List.of("SERVICES: " + declaration.names().stream().collect(Collectors.joining(" "))),
                "matrix", List.of("service: [" + String.join(", ", declaration.names()) + "]")));
        files.put(Path.of("platform-testing/src/main/java/org/boxoffice/platform/testing/TestEventKeys.java"),
                Map.of("producers", List.of(producers.stream().map(s -> quoted(s.name()))
                        .collect(Collectors.joining(", ")))));
        return files;
    }

    private static List<String> each(List<Service> services, Function<Service, String> line) {
        return services.stream().map(line).toList();
    }

    private static String names(List<Service> services) {
        return services.stream().map(s -> quoted(s.name())).collect(Collectors.joining(" "));
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** The version of the service's own chart, which the umbrella chart depends on. */
    private String chartVersion(Service service) {
        Path chart = Path.of("helm", service.name(), "Chart.yaml");
        if (!Files.isRegularFile(root.resolve(chart))) {
            return "0.1.0";
        }
        Map<String, Object> values = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(root, chart));
        return String.valueOf(values.get("version"));
    }

    private static String read(Path root, Path file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
