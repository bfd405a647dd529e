package org.boxoffice.platform.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code services.yaml} is the one declaration of the services: the launcher starts what it lists, and whatever else in
 * the project repeats a part of it (settings, gateway routes, charts, the build) must say the same.
 */
class ServiceDeclarationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** What the files say, other than the declaration, and where each lives. */
    private static final List<String> CHECKED = List.of(ServiceDeclaration.FILE, "pom.xml",
            "helm/boxoffice/Chart.yaml", "helm/boxoffice-lib/templates/_helpers.tpl",
            "helm/gateway-service/templates/_settings.tpl");

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
    void everyFileThatRepeatsTheDeclarationAgreesWithIt() {
        assertThat(DeclarationCheck.disagreements(ROOT)).isEmpty();
    }

    @Test
    void findsAChartPortThatDisagrees(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("helm/payment-service/values.yaml"), "port: 8083", "port: 8093");

        assertThat(DeclarationCheck.disagreements(copy))
                .containsExactly("helm/payment-service/values.yaml: port is 8093, services.yaml says 8083");
    }

    @Test
    void findsAGatewayRouteAndACallerThatDisagree(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("gateway-service/src/main/resources/application.yml"),
                "${BOXOFFICE_ANALYTICS_URL:http://127.0.0.1:8085}", "${BOXOFFICE_ANALYTICS_URL:http://127.0.0.1:8086}");
        replace(copy.resolve("helm/notification-service/values.yaml"),
                "allowFrom: [gateway-service]", "allowFrom: [gateway-service, booking-service]");

        // The gateway's default URL is both a route and a caller's URL of analytics-service: two disagreements.
        assertThat(DeclarationCheck.disagreements(copy)).hasSize(3)
                .anySatisfy(d -> assertThat(d).startsWith("gateway-service/src/main/resources/application.yml: "
                        + "analytics-service.url"))
                .anySatisfy(d -> assertThat(d).isEqualTo("gateway-service/src/main/resources/application.yml: "
                        + "BOXOFFICE_ANALYTICS_URL's default port is 8086, services.yaml says 8085"))
                .anySatisfy(d -> assertThat(d).startsWith("helm/notification-service/values.yaml: "
                        + "networkPolicy.allowFrom"));
    }

    @Test
    void findsAServiceDeclaredButNotBuilt(@TempDir Path copy) throws IOException {
        copyProject(copy);
        replace(copy.resolve("pom.xml"), "<module>analytics-service</module>", "");

        assertThat(DeclarationCheck.disagreements(copy)).containsExactly("pom.xml: has no <module>analytics-service");
    }

    private static void copyProject(Path copy) throws IOException {
        for (String file : CHECKED) {
            copyFile(file, copy);
        }
        for (String service : ServiceDeclaration.read(ROOT).names()) {
            copyFile(service + "/src/main/resources/application.yml", copy);
            copyFile("helm/" + service + "/values.yaml", copy);
        }
        assertThat(DeclarationCheck.disagreements(copy)).as("the unchanged copy").isEmpty();
    }

    private static void copyFile(String file, Path copy) throws IOException {
        Path target = copy.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(ROOT.resolve(file), target);
    }

    private static void replace(Path file, String what, String with) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(what);
        Files.writeString(file, text.replace(what, with));
    }
}
