package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;

/**
 * k8s/boxoffice.yaml is the chart rendered with helm/values-k8s.yaml, never edited by hand.
 * Run with -Dboxoffice.regenerate=true to write it, or .ci/regenerate, which writes everything generated.
 */
class GeneratedManifestsTest {

    static final String REGENERATE = ".ci/regenerate";
    private static final Path MANIFEST = Path.of(System.getProperty("boxoffice.k8sDir", "../../k8s"))
            .toAbsolutePath().normalize().resolve("boxoffice.yaml");

    @Test
    void plainManifestsMatchTheChart() throws IOException {
        String expected = header() + Charts.platform(Profile.K8S).yaml();
        if (Boolean.getBoolean("boxoffice.regenerate")) {
            Files.createDirectories(MANIFEST.getParent());
            Files.writeString(MANIFEST, expected);
        }

        assertThat(MANIFEST).as("k8s/boxoffice.yaml is missing: run " + REGENERATE).exists();
        assertThat(Files.readString(MANIFEST)).as("k8s/boxoffice.yaml is stale: run " + REGENERATE).isEqualTo(expected);
    }

    @Test
    void plainManifestsCarryNoHelmHookOrGeneratedSecret() {
        Rendered k8s = Charts.platform(Profile.K8S);

        assertThat(k8s.yaml()).doesNotContain("helm.sh/hook");
        assertThat(k8s.find("Secret", "boxoffice-jwt-keys")).isEmpty();
        assertThat(k8s.find("StatefulSet", "postgres")).isPresent();
    }

    private static String header() {
        return "# GENERATED from helm/boxoffice with helm/values-k8s.yaml. Do not edit.\n"
                + "# Regenerate: " + REGENERATE + "\n";
    }
}
