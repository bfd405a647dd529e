package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * helm/boxoffice/README.md is generated from the values files' comments (ValuesReadme), never edited by hand.
 * Run with -Dboxoffice.regenerate=true to write it.
 */
class ValuesReadmeTest {

    private static final Path README = Charts.UMBRELLA.resolve("README.md");

    @Test
    void chartReadmeIsGeneratedFromTheCurrentValues() throws IOException {
        String expected = ValuesReadme.render(Charts.HELM_DIR);
        if (Boolean.getBoolean("boxoffice.regenerate")) {
            Files.writeString(README, expected);
        }

        assertThat(README).as("helm/boxoffice/README.md is missing: run " + GeneratedManifestsTest.REGENERATE).exists();
        assertThat(Files.readString(README)).as("helm/boxoffice/README.md is stale: run " + GeneratedManifestsTest.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everyTypedTunableIsDocumentedInTheReadme() throws IOException {
        String readme = ValuesReadme.render(Charts.HELM_DIR);

        assertThat(readme).contains("| `global.image.tag` |", "| `global.compatibility.openshift.adaptSecurityContext` |",
                "| `podDisruptionBudget.maxUnavailable` |", "| `http.maxConcurrentRequests` |", "| `jvm.activeProcessorCount` |",
                "| `jvm.gc` |", "| `shutdownReserveSeconds` |", "| `dbConnectionTimeoutMillis` |", "| `dbPoolSize` |",
                "| `global.otel.samplingProbability` |", "| `locks.lease` |", "| `login.maxDelay` |", "| `hashing.maxConcurrent` |",
                "| `upstream.responseTimeout` |", "| `upstream.pool.acquireTimeoutMillis` |", "| `namespaceDefaultDeny.enabled` |",
                "| `bootstrapSecrets.lookup` |", "| `managementPort` |", "| `global.mesh.provider` |",
                "| `externalSecrets.refreshInterval` |", "| `externalSecrets.secretStoreRef.kind` |", "| `preScaling.lead` |",
                "| `preScaling.dryRun` |", "| `http.maxConcurrentRequestsPerProcessor` |",
                "| `circuitBreakers.services.slowCallRateThreshold` |", "| `circuitBreakers.redis.waitDurationInOpenState` |",
                "| `circuitBreakers.booking-service.failureRateThreshold` |", "| `circuitBreakers.channels.slidingWindowSize` |");
        java.util.List<String> rows = readme.lines().filter(l -> l.startsWith("| `http.") || l.startsWith("| `jvm.")
                || l.startsWith("| `locks.") || l.startsWith("| `upstream.") || l.startsWith("| `login.")
                || l.startsWith("| `hashing.") || l.startsWith("| `preScaling.") || l.startsWith("| `global.mesh.")
                || l.startsWith("| `externalSecrets.") || l.startsWith("| `circuitBreakers.")).toList();
        assertThat(rows).hasSizeGreaterThan(20);
        for (String row : rows) {
            assertThat(row).as("described").doesNotEndWith("|  |");
        }
    }
}
