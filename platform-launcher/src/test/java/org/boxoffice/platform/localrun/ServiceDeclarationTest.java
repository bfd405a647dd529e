package org.boxoffice.platform.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code services.yaml} is the one declaration of the services: the launcher starts what it lists, the service lists,
 * routes, ports and callers of the gateway, the charts and the build are written from it ({@link DeclaredFiles}), and
 * what each service repeats of it by hand must say the same ({@link DeclarationCheck}). Run with
 * {@code -Dboxoffice.regenerate=true} (what {@code .ci/regenerate} does) to write the generated parts.
 */
class ServiceDeclarationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void declaresTheSixServicesWithTheGatewayStartedLast() {
        ServiceDeclaration declaration = ServiceDeclaration.read(ROOT);

        assertThat(declaration.names()).containsExactly("user-service", "booking-service", "payment-service",
                "notification-service", "analytics-service", "gateway-service");
        assertThat(declaration.service("gateway-service").probePort()).isEqualTo(8090);
        assertThat(declaration.service("booking-service").probePort()).isEqualTo(8082);
        assertThat(declaration.service("booking-service").localUrl()).isEqualTo("http://127.0.0.1:8082");
    }

    @Test
    void everyGeneratedPartIsWhatTheDeclarationMakes() {
        if (Boolean.getBoolean("boxoffice.regenerate")) {
            assertThat(DeclaredFiles.write(ROOT)).as("files that could not be generated").isEmpty();
        }

        assertThat(DeclaredFiles.stale(ROOT)).as("edit services.yaml, not the generated blocks, and run "
                + DeclaredFiles.REGENERATE).isEmpty();
    }

    @Test
    void everyFileThatRepeatsTheDeclarationByHandAgreesWithIt() {
        assertThat(DeclarationCheck.disagreements(ROOT)).isEmpty();
    }

    @Test
    void namesAGeneratedBlockEditedByHand(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("helm/payment-service/values.yaml"), "port: 8083", "port: 8093");
        replace(copy.resolve("helm/notification-service/values.yaml"),
                "allowFrom: [gateway-service]", "allowFrom: [gateway-service, booking-service]");

        assertThat(DeclaredFiles.stale(copy)).containsExactly(
                "helm/payment-service/values.yaml: differs from what services.yaml makes: run .ci/regenerate",
                "helm/notification-service/values.yaml: differs from what services.yaml makes: run .ci/regenerate");
    }

    @Test
    void namesAFileWhoseMarkersAreGone(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("pom.xml"), "<!-- END generated from services.yaml: modules -->", "");

        assertThat(DeclaredFiles.stale(copy)).singleElement().asString()
                .startsWith("pom.xml: never ends block modules");
    }

    @Test
    void regeneratingTwiceWritesTheSameFiles(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("helm/payment-service/values.yaml"), "port: 8083", "port: 8093");

        assertThat(DeclaredFiles.write(copy)).isEmpty();
        Map<Path, String> once = generatedFiles(copy);
        assertThat(DeclaredFiles.write(copy)).isEmpty();

        assertThat(generatedFiles(copy)).isEqualTo(once).isEqualTo(generatedFiles(ROOT));
        assertThat(DeclaredFiles.stale(copy)).isEmpty();
    }

    @Test
    void aChangedDeclarationChangesEveryFileThatRepeatsIt(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve(ServiceDeclaration.FILE), "port: 8085", "port: 8086");
        replace(copy.resolve(ServiceDeclaration.FILE), "paths: [/api/v1/admin/analytics/**]",
                "paths: [/api/v1/admin/analytics/**, /api/v1/insights/**]");
        replace(copy.resolve(ServiceDeclaration.FILE), "callers: [gateway-service]\n  - name: analytics-service",
                "callers: [gateway-service, booking-service]\n  - name: analytics-service");
        Map<Path, String> before = generatedFiles(copy);

        assertThat(DeclaredFiles.stale(copy)).hasSizeGreaterThan(3);
        assertThat(DeclaredFiles.write(copy)).isEmpty();

        assertThat(DeclaredFiles.stale(copy)).isEmpty();
        assertThat(Files.readString(copy.resolve("helm/analytics-service/values.yaml")))
                .contains("\nport: 8086\n").doesNotContain("8085")
                .contains("# Only what differs from the shared defaults", "maxReplicas: 6");
        assertThat(Files.readString(copy.resolve("helm/notification-service/values.yaml")))
                .contains("  allowFrom: [gateway-service, booking-service]\n  # END generated", "port: 465");
        assertThat(Files.readString(copy.resolve("helm/boxoffice-lib/templates/_helpers.tpl")))
                .contains("\"analytics-service\" 8086 \"gateway-service\" 8080 -}}");
        assertThat(Files.readString(copy.resolve("gateway-service/src/main/resources/application.yml")))
                .contains("url: ${BOXOFFICE_ANALYTICS_URL:http://127.0.0.1:8086}\n"
                        + "        paths: /api/v1/admin/analytics/**, /api/v1/insights/**\n")
                .contains("disable-time-limiter: true", "- name: gateway-service");
        Map<Path, String> after = generatedFiles(copy);
        assertThat(after.keySet().stream().filter(file -> !after.get(file).equals(before.get(file))))
                .containsExactlyInAnyOrder(Path.of("helm/analytics-service/values.yaml"),
                        Path.of("helm/notification-service/values.yaml"),
                        Path.of("helm/boxoffice-lib/templates/_helpers.tpl"),
                        Path.of("gateway-service/src/main/resources/application.yml"),
                        Path.of(".ci/lint-openapi"), Path.of(".ci/smoke-local-run"), Path.of(".ci/aot-training-env"));
        assertThat(Files.readString(copy.resolve(".ci/aot-training-env"))).contains("analytics-service:8086; do");
    }

    @Test
    void aDeclaredSeventhServiceIsBuiltRoutedAndChartedButForItsOwnChart(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve(ServiceDeclaration.FILE), "  # The edge: started last",
                "  - name: venue-insights-service\n    port: 8086\n    schema: insights\n"
                        + "    urlVariable: BOXOFFICE_VENUE_INSIGHTS_URL\n    paths: [/api/v1/insights/**]\n"
                        + "    callers: [gateway-service]\n  # The edge: started last");

        assertThat(DeclaredFiles.write(copy))
                .containsExactly("helm/venue-insights-service/values.yaml: missing (docs/adding-a-service.md)");

        assertThat(Files.readString(copy.resolve("pom.xml"))).contains("    <module>analytics-service</module>\n"
                + "    <module>venue-insights-service</module>\n    <module>gateway-service</module>\n");
        assertThat(Files.readString(copy.resolve("gateway-service/src/main/resources/application.yml"))).contains("""
                      venue-insights-service:
                        url: ${BOXOFFICE_VENUE_INSIGHTS_URL:http://127.0.0.1:8086}
                        paths: /api/v1/insights/**
                """, """
                      - name: venue-insights-service
                        url: /v3/api-docs/venue-insights-service
                """);
        assertThat(Files.readString(copy.resolve("helm/gateway-service/templates/_settings.tpl")))
                .contains("\"BOXOFFICE_VENUE_INSIGHTS_URL\" \"venue-insights-service\" -}}");
        assertThat(Files.readString(copy.resolve("helm/boxoffice-lib/templates/_helpers.tpl")))
                .contains("\"venue-insights-service\" 8086", "\"analytics-service\" \"venue-insights-service\" -}}");
        assertThat(Files.readString(copy.resolve("helm/boxoffice/Chart.yaml")))
                .contains("  - name: venue-insights-service\n    version: 0.1.0\n"
                        + "    repository: file://../venue-insights-service\n");
        assertThat(Files.readString(copy.resolve("helm/boxoffice/templates/bootstrap-secrets.yaml")))
                .contains("\"analytics-service\" \"venue-insights-service\" }}");
    }

    @Test
    void findsAServiceSettingThatDisagrees(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("payment-service/src/main/resources/application.yml"),
                "${BOXOFFICE_BOOKING_URL:http://127.0.0.1:8082}", "${BOXOFFICE_BOOKING_URL:http://127.0.0.1:8092}");
        replace(copy.resolve("analytics-service/src/main/resources/application.yml"), "port: 8085", "port: 8095");

        assertThat(DeclarationCheck.disagreements(copy)).containsExactly(
                "payment-service/src/main/resources/application.yml: "
                        + "BOXOFFICE_BOOKING_URL's default port is 8092, services.yaml says 8082",
                "analytics-service/src/main/resources/application.yml: server.port is 8095, services.yaml says 8085");
    }

    /** The declaration, the generated files and each service's settings, copied to {@code copy}. */
    private static void copyProject(Path copy) throws IOException {
        copyFile(Path.of(ServiceDeclaration.FILE), copy);
        for (Path file : DeclaredFiles.blocks(ROOT).keySet()) {
            copyFile(file, copy);
            if (file.startsWith("helm") && file.endsWith("values.yaml")) {
                copyFile(file.resolveSibling("Chart.yaml"), copy);
            }
        }
        for (String service : ServiceDeclaration.read(ROOT).names()) {
            copyFile(Path.of(service, "src/main/resources/application.yml"), copy);
        }
        assertThat(DeclaredFiles.stale(copy)).as("the unchanged copy").isEmpty();
        assertThat(DeclarationCheck.disagreements(copy)).as("the unchanged copy").isEmpty();
    }

    private static Map<Path, String> generatedFiles(Path root) throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        for (Path file : DeclaredFiles.blocks(root).keySet()) {
            files.put(file, Files.readString(root.resolve(file)));
        }
        return files;
    }

    private static void copyFile(Path file, Path copy) throws IOException {
        Path target = copy.resolve(file);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(ROOT.resolve(file), target);
        }
    }

    private static void replace(Path file, String what, String with) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(what);
        Files.writeString(file, text.replace(what, with));
    }
}
