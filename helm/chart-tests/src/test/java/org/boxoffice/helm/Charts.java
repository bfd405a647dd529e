package org.boxoffice.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** Renders the charts in the JVM with the Helm library bundled by helm-java. */
final class Charts {

    static final Path HELM_DIR = Path.of(System.getProperty("boxoffice.helmDir", "..")).toAbsolutePath().normalize();
    static final Path UMBRELLA = HELM_DIR.resolve("boxoffice");
    static final String RELEASE = "boxoffice";
    /** The oldest Kubernetes the charts support (Chart.yaml kubeVersion): the preStop sleep action needs it. */
    static final String KUBE_VERSION = "v1.30.0";
    /** The services as the project's one declaration ({@code services.yaml}) lists them. */
    static final List<String> SERVICES = declaredServices();

    /** The values files the platform is rendered with; null stands for the chart's defaults. */
    enum Profile {
        DEFAULTS(null), PRODUCTION("values-production.yaml"), MINIMAL("values-minimal.yaml"), K8S("values-k8s.yaml");

        private final String file;

        Profile(String file) {
            this.file = file;
        }

        Path valuesFile() {
            return file == null ? null : HELM_DIR.resolve(file);
        }
    }

    private static final Map<Profile, Rendered> CACHE = new ConcurrentHashMap<>();

    private Charts() {
    }

    /**
     * The services {@code services.yaml} declares, in the order the umbrella chart lists them (the order of the chart
     * docs); the two must name the same services.
     */
    @SuppressWarnings("unchecked")
    private static List<String> declaredServices() {
        try {
            org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml();
            Map<String, Object> declaration = yaml.load(
                    java.nio.file.Files.readString(HELM_DIR.getParent().resolve("services.yaml")));
            java.util.Set<String> declared = ((List<Map<String, Object>>) declaration.get("services")).stream()
                    .map(service -> (String) service.get("name")).collect(java.util.stream.Collectors.toSet());
            Map<String, Object> umbrella = yaml.load(java.nio.file.Files.readString(UMBRELLA.resolve("Chart.yaml")));
            List<String> charted = ((List<Map<String, Object>>) umbrella.get("dependencies")).stream()
                    .map(dependency -> (String) dependency.get("name")).filter(declared::contains).toList();
            if (declared.isEmpty() || !java.util.Set.copyOf(charted).equals(declared)) {
                throw new IllegalStateException("services.yaml declares " + declared + ", the umbrella chart has "
                        + charted);
            }
            return charted;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Rendered platform(Profile profile) {
        return CACHE.computeIfAbsent(profile, p -> new Rendered(template(UMBRELLA, p, UnaryOperator.identity())));
    }

    static Rendered platform(Profile profile, Map<String, Object> overrides) {
        return new Rendered(template(UMBRELLA, profile, t -> {
            overrides.forEach(t::set);
            return t;
        }));
    }

    /** The platform installed as another release (the others render as {@link #RELEASE}). */
    static Rendered platformAs(String release, Profile profile, Map<String, Object> overrides) {
        return new Rendered(template(UMBRELLA, profile, t -> {
            overrides.forEach(t::set);
            return t.withName(release);
        }));
    }

    static Rendered serviceChart(String service, Map<String, Object> overrides) {
        return new Rendered(template(HELM_DIR.resolve(service), Profile.DEFAULTS, t -> {
            overrides.forEach(t::set);
            return t;
        }));
    }

    static String template(Path chart, Profile profile, UnaryOperator<TemplateCommand> customize) {
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withKubeVersion(KUBE_VERSION);
        if (chart.getFileName().toString().equals("boxoffice")) {
            // helm-java's template calls the cluster for lookup (helm template's CLI does not): render without it.
            command = command.set("bootstrapSecrets.lookup", false);
        }
        if (profile.valuesFile() != null) {
            command = command.withValuesFile(profile.valuesFile());
        }
        return customize.apply(command).call();
    }
}
