package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The platform's services as {@code services.yaml} at the project's root declares them: the one list the local run
 * starts, the gateway's routes, the charts and the build are written from ({@code .ci/regenerate}), and each
 * service's settings are checked against ({@code ServiceDeclarationTest}).
 */
public record ServiceDeclaration(List<Service> services) {

    /** The file, relative to the project's root. */
    public static final String FILE = "services.yaml";

    /**
     * One service.
     *
     * @param name           module, chart, application and event producer name
     * @param port           its HTTP port
     * @param managementPort where it answers probes and metrics if not on {@code port}
     * @param schema         the PostgreSQL schema it owns, if any
     * @param urlVariable    the variable its callers find it by, if anyone calls it by URL
     * @param paths          the API paths the gateway routes to it
     * @param callers        who may call it inside the cluster
     */
    public record Service(String name, int port, @Nullable Integer managementPort, @Nullable String schema,
            @Nullable String urlVariable, List<String> paths, List<String> callers) {

        /** Where readiness is asked: the management port if it has one. */
        public int probePort() {
            return managementPort != null ? managementPort : port;
        }

        /** The URL its callers use on one machine, unless {@link #urlVariable} says otherwise. */
        public String localUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** Reads {@link #FILE} under {@code root}. */
    public static ServiceDeclaration read(Path root) {
        Path file = root.resolve(FILE);
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) document.get("services");
            return new ServiceDeclaration(entries.stream().map(ServiceDeclaration::service).toList());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the service declaration " + file, e);
        }
    }

    /** The service named {@code name}. */
    public Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not declared in " + FILE));
    }

    /** The names in the declared order. */
    public List<String> names() {
        return services.stream().map(Service::name).toList();
    }

    @SuppressWarnings("unchecked")
    private static Service service(Map<String, Object> entry) {
        return new Service((String) entry.get("name"), (Integer) entry.get("port"),
                (Integer) entry.get("managementPort"), (String) entry.get("schema"),
                (String) entry.get("urlVariable"), (List<String>) entry.getOrDefault("paths", List.of()),
                (List<String>) entry.getOrDefault("callers", List.of()));
    }
}
