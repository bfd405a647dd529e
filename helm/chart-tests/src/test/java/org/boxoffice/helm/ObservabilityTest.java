package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.val;
import static org.boxoffice.helm.Rendered.list;

import java.util.List;
import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;

class ObservabilityTest {

    @Test
    void otlpEndpointTurnsOnTraceExportInEveryService() {
        Rendered rendered = Charts.platform(Profile.DEFAULTS,
                Map.of("global.otel.endpoint", "http://collector.observability:4318/v1/traces"));

        for (String service : Charts.SERVICES) {
            Map<String, Object> data = at(rendered.get("ConfigMap", service), "data");
            assertThat(data).as(service)
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://collector.observability:4318/v1/traces")
                    .containsEntry("MANAGEMENT_TRACING_EXPORT_ENABLED", "true");
        }
    }

    @Test
    void traceExportStaysOffWithoutAnEndpoint() {
        Map<String, Object> data = at(Charts.platform(Profile.DEFAULTS).get("ConfigMap", "booking-service"), "data");

        assertThat(data).containsEntry("MANAGEMENT_TRACING_EXPORT_ENABLED", "false")
                .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
    }

    @Test
    void prometheusOperatorObjectsAppearOnlyWhereTheOperatorIsDeclared() {
        // Defaults say "auto" and `helm template` sees no monitoring.coreos.com API.
        assertThat(Charts.platform(Profile.DEFAULTS).ofKind("ServiceMonitor")).isEmpty();
        assertThat(Charts.platform(Profile.DEFAULTS).ofKind("PrometheusRule")).isEmpty();
        assertThat(Charts.platform(Profile.PRODUCTION).ofKind("ServiceMonitor")).hasSize(Charts.SERVICES.size());
    }

    @Test
    void serviceMonitorScrapesTheActuatorOnTheServicePortOfAServiceWithoutAManagementPort() {
        Map<String, Object> monitor = Charts.platform(Profile.PRODUCTION, Map.of("booking-service.managementPort", 0))
                .get("ServiceMonitor", "booking-service");

        assertThat(list(monitor, "spec.endpoints")).singleElement().satisfies(endpoint -> assertThat(endpoint)
                .containsEntry("port", "http").containsEntry("path", "/actuator/prometheus"));
    }

    @Test
    void alertsCoverErrorsLatencyLagDeadLettersAndPaymentFailures() {
        Rendered production = Charts.platform(Profile.PRODUCTION);

        assertThat(alerts(production, "booking-service")).containsExactlyInAnyOrder(
                "BoxofficeHighErrorRate", "BoxofficeHighLatencyP99", "BoxofficeConsumerLag", "BoxofficeDeadLetters",
                "BoxofficePreScalingCapped");
        assertThat(alerts(production, "payment-service")).contains("BoxofficePaymentFailureRate");
        assertThat(val(production.get("ConfigMap", "booking-service"), "data.MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILES_HISTOGRAM_HTTP_SERVER_REQUESTS"))
                .as("the p99 alert reads histogram buckets").isEqualTo("true");
    }

    @Test
    void requestRateDrivesAutoscalingOnlyWithAMetricsAdapter() {
        assertThat(metricTypes(Charts.platform(Profile.DEFAULTS))).containsExactly("Resource");
        assertThat(metricTypes(Charts.platform(Profile.PRODUCTION))).containsExactly("Resource", "Pods");
    }

    @Test
    void grafanaDashboardShipsAsALabelledConfigMapWithValidPanels() {
        Map<String, Object> dashboard = Charts.platform(Profile.PRODUCTION).get("ConfigMap", "boxoffice-dashboard");

        assertThat(val(dashboard, "metadata.labels.grafana_dashboard")).isEqualTo("1");
        String json = at(dashboard, "data.boxoffice\\.json");
        Map<String, Object> parsed = new com.google.gson.Gson().fromJson(json, Map.class);
        assertThat(list(parsed, "panels")).hasSizeGreaterThanOrEqualTo(8);
        assertThat(Charts.platform(Profile.DEFAULTS).find("ConfigMap", "boxoffice-dashboard")).isEmpty();
    }

    /** Issue #23: a hold's trace and the breakers' states, each on a panel an operator can open during an on-sale. */
    @Test
    void dashboardShowsAHoldsTraceAndTheCircuitBreakers() {
        String json = at(Charts.platform(Profile.PRODUCTION).get("ConfigMap", "boxoffice-dashboard"),
                "data.boxoffice\\.json");
        Map<String, Object> parsed = new com.google.gson.Gson().fromJson(json, Map.class);
        List<Map<String, Object>> variables = list(parsed, "templating.list");
        List<Map<String, Object>> panels = list(parsed, "panels");

        assertThat(variables).as("a traces data source to choose, and the trace to show")
                .anySatisfy(v -> assertThat(v).containsEntry("name", "traces").containsEntry("type", "datasource")
                        .containsEntry("query", "tempo"))
                .anySatisfy(v -> assertThat(v).containsEntry("name", "traceId").containsEntry("type", "textbox"));
        assertThat(panels).as("a trace panel on the chosen traces data source")
                .anySatisfy(panel -> {
                    assertThat(panel).containsEntry("type", "traces");
                    assertThat(val(panel, "datasource.uid")).isEqualTo("${traces}");
                    assertThat(list(panel, "targets")).singleElement()
                            .satisfies(target -> assertThat(target).containsEntry("query", "${traceId}"));
                });
        assertThat(panels).as("the hold latency with exemplars, which link to the hold's trace")
                .anySatisfy(panel -> assertThat(list(panel, "targets")).anySatisfy(target -> {
                    assertThat(target).containsEntry("exemplar", true);
                    assertThat((String) target.get("expr")).contains("http_server_requests_seconds_bucket")
                            .contains("uri=\"/api/v1/holds\"").contains("method=\"POST\"");
                }));
        assertThat(panels).as("every breaker's state, by service and name")
                .anySatisfy(panel -> {
                    assertThat(panel).containsEntry("type", "state-timeline");
                    assertThat(list(panel, "targets")).anySatisfy(target -> assertThat((String) target.get("expr"))
                            .contains("resilience4j_circuitbreaker_state").contains("by (application, name)"));
                });
        for (Map<String, Object> panel : panels) {
            if (!"traces".equals(panel.get("type"))) {
                assertThat(val(panel, "datasource.uid")).as((String) panel.get("title")).isEqualTo("${datasource}");
            }
        }
    }

    private static List<String> alerts(Rendered rendered, String service) {
        return list(rendered.get("PrometheusRule", service), "spec.groups").stream()
                .flatMap(group -> list(group, "rules").stream())
                .map(rule -> (String) rule.get("alert"))
                .toList();
    }

    private static List<String> metricTypes(Rendered rendered) {
        return list(rendered.get("HorizontalPodAutoscaler", "gateway-service"), "spec.metrics").stream()
                .map(metric -> (String) metric.get("type"))
                .toList();
    }
}
