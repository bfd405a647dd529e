package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Everything in the project that repeats a part of {@code services.yaml}, compared with it: each disagreement as one
 * line naming the file and what it says against the declaration.
 */
final class DeclarationCheck {

    private static final Pattern URL_DEFAULT = Pattern.compile("\\$\\{(BOXOFFICE_[A-Z_]+_URL):http://127\\.0\\.0\\.1:(\\d+)}");
    private static final Pattern PORT_ENTRY = Pattern.compile("\"([a-z-]+-service)\" (\\d+)");
    private static final Pattern GATEWAY_UPSTREAMS = Pattern.compile("range \\$service := list ((?:\"[a-z]+\" ?)+)");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    private final Path root;
    private final ServiceDeclaration declaration;
    private final List<String> disagreements = new ArrayList<>();

    private DeclarationCheck(Path root) {
        this.root = root;
        this.declaration = ServiceDeclaration.read(root);
    }

    /** The disagreements found under {@code root}; empty when everything says what the declaration says. */
    static List<String> disagreements(Path root) {
        DeclarationCheck check = new DeclarationCheck(root);
        check.declarationItself();
        check.applicationSettings();
        check.gatewayRoutes();
        check.charts();
        check.modules();
        return check.disagreements;
    }

    private void declarationItself() {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (ServiceDeclaration.Service service : declaration.services()) {
            expect(names.add(service.name()), FILE_NAME, service.name() + " is declared twice");
            expect(ports.add(service.port()), FILE_NAME, "port " + service.port() + " is declared twice");
            if (service.urlVariable() != null) {
                String expected = "BOXOFFICE_" + service.name().replace("-service", "").toUpperCase(Locale.ROOT)
                        .replace('-', '_') + "_URL";
                expect(service.urlVariable().equals(expected), FILE_NAME,
                        service.name() + "'s URL variable is " + service.urlVariable() + ", expected " + expected);
            }
        }
        expect(!declaration.services().isEmpty(), FILE_NAME, "declares no service");
    }

    /** Each service's application.yml: its name, port and schema; every caller's default URL of another service. */
    private void applicationSettings() {
        for (ServiceDeclaration.Service service : declaration.services()) {
            Path file = Path.of(service.name(), "src/main/resources/application.yml");
            Map<String, Object> settings = yaml(file);
            same(file, "spring.application.name", get(settings, "spring.application.name"), service.name());
            same(file, "server.port", get(settings, "server.port"), service.port());
            same(file, "boxoffice.db.schema", get(settings, "boxoffice.db.schema"), service.schema());
            Matcher url = URL_DEFAULT.matcher(read(file));
            while (url.find()) {
                String variable = url.group(1);
                ServiceDeclaration.Service target = declaration.services().stream()
                        .filter(s -> variable.equals(s.urlVariable())).findFirst().orElse(null);
                if (target == null) {
                    disagreements.add(file + ": " + variable + " is no declared service's URL variable");
                } else {
                    same(file, variable + "'s default port", Integer.parseInt(url.group(2)), target.port());
                }
            }
        }
    }

    /** The gateway routes exactly the services with paths, to their URL variables, and lists their API documents. */
    private void gatewayRoutes() {
        Path file = Path.of("gateway-service/src/main/resources/application.yml");
        Map<String, Object> settings = yaml(file);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> routes = (Map<String, Map<String, Object>>) get(settings,
                "boxoffice.gateway.services");
        Map<String, ServiceDeclaration.Service> routed = new LinkedHashMap<>();
        declaration.services().stream().filter(s -> !s.paths().isEmpty()).forEach(s -> routed.put(s.name(), s));
        same(file, "boxoffice.gateway.services", routes == null ? Set.of() : routes.keySet(), routed.keySet());
        if (routes == null) {
            return;
        }
        routed.forEach((name, service) -> {
            Map<String, Object> route = routes.get(name);
            if (route == null) {
                return;
            }
            same(file, name + ".url", route.get("url"),
                    "${" + service.urlVariable() + ":" + service.localUrl() + "}");
            same(file, name + ".paths", Arrays.stream(String.valueOf(route.get("paths")).split(","))
                    .map(String::strip).toList(), service.paths());
        });
        @SuppressWarnings("unchecked")
        List<Map<String, String>> documents = (List<Map<String, String>>) get(settings, "springdoc.swagger-ui.urls");
        Set<String> documented = documents == null ? Set.of() : documents.stream()
                .filter(d -> d.get("url").startsWith("/v3/api-docs/"))
                .peek(d -> same(file, d.get("name") + "'s document", d.get("url"), "/v3/api-docs/" + d.get("name")))
                .map(d -> d.get("name")).collect(Collectors.toSet());
        same(file, "springdoc.swagger-ui.urls", documented, routed.keySet());
    }

    /** Each chart's port and NetworkPolicy callers, the library's URLs, the gateway's upstreams, the umbrella chart. */
    private void charts() {
        for (ServiceDeclaration.Service service : declaration.services()) {
            Path file = Path.of("helm", service.name(), "values.yaml");
            Map<String, Object> values = yaml(file);
            same(file, "port", get(values, "port"), service.port());
            @SuppressWarnings("unchecked")
            List<String> allowFrom = (List<String>) get(values, "networkPolicy.allowFrom");
            same(file, "networkPolicy.allowFrom", allowFrom == null ? Set.of() : Set.copyOf(allowFrom),
                    Set.copyOf(service.callers()));
        }
        Path helpers = Path.of("helm/boxoffice-lib/templates/_helpers.tpl");
        Map<String, Integer> ports = new LinkedHashMap<>();
        String urlTemplate = read(helpers).lines().filter(l -> l.contains("$ports := dict")).findFirst().orElse("");
        Matcher entry = PORT_ENTRY.matcher(urlTemplate);
        while (entry.find()) {
            ports.put(entry.group(1), Integer.parseInt(entry.group(2)));
        }
        Map<String, Integer> declared = new LinkedHashMap<>();
        declaration.services().forEach(s -> declared.put(s.name(), s.port()));
        same(helpers, "boxoffice-lib.url's ports", ports, declared);

        Path gateway = Path.of("helm/gateway-service/templates/_settings.tpl");
        Matcher upstreams = GATEWAY_UPSTREAMS.matcher(read(gateway));
        Set<String> listed = upstreams.find() ? Arrays.stream(upstreams.group(1).trim().split(" "))
                .map(s -> s.replace("\"", "") + "-service").collect(Collectors.toSet()) : Set.of();
        same(gateway, "the upstreams given a BOXOFFICE_<NAME>_URL", listed, declaration.services().stream()
                .filter(s -> !s.paths().isEmpty()).map(ServiceDeclaration.Service::name).collect(Collectors.toSet()));

        Path umbrella = Path.of("helm/boxoffice/Chart.yaml");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> dependencies = (List<Map<String, Object>>) yaml(umbrella).get("dependencies");
        same(umbrella, "dependencies", dependencies.stream().map(d -> String.valueOf(d.get("name")))
                .filter(n -> n.endsWith("-service")).collect(Collectors.toSet()), Set.copyOf(declaration.names()));
    }

    private void modules() {
        Path pom = Path.of("pom.xml");
        Set<String> modules = new HashSet<>();
        Matcher module = MODULE.matcher(read(pom));
        while (module.find()) {
            modules.add(module.group(1));
        }
        declaration.names().forEach(name -> expect(modules.contains(name), pom, "has no <module>" + name));
    }

    private static final Path FILE_NAME = Path.of(ServiceDeclaration.FILE);

    private void same(Path file, String what, Object actual, Object declared) {
        expect(Objects.equals(normalized(actual), normalized(declared)), file,
                what + " is " + actual + ", " + ServiceDeclaration.FILE + " says " + declared);
    }

    private static Object normalized(Object value) {
        return value instanceof Integer || value instanceof Long ? ((Number) value).intValue() : value;
    }

    private void expect(boolean agrees, Path file, String disagreement) {
        if (!agrees) {
            disagreements.add(file + ": " + disagreement);
        }
    }

    private Map<String, Object> yaml(Path file) {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
        return document == null ? Map.of() : document;
    }

    private String read(Path file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A dotted path into nested maps; null where it ends. */
    @SuppressWarnings("unchecked")
    private static Object get(Map<String, Object> document, String path) {
        Object current = document;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }
}
