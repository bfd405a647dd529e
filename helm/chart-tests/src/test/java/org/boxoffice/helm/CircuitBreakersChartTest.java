package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.helm.Rendered.at;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.boxoffice.helm.ContainerEnvironment.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every service's circuit breakers are typed values (issue 23): they reach the service's settings under the default and
 * the production values, their defaults are what the services ship with, and the schema refuses a bad one.
 */
class CircuitBreakersChartTest {

    private static final String INSTANCES = "resilience4j.circuitbreaker.instances";

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void everyBreakerIsTunedFromItsValues(Profile profile) {
        Rendered platform = Charts.platform(profile, Map.of(
                "gateway-service.circuitBreakers.services.failureRateThreshold", 25,
                "gateway-service.circuitBreakers.services.slowCallDurationThreshold", "2s",
                "booking-service.circuitBreakers.redis.waitDurationInOpenState", "5s",
                "booking-service.circuitBreakers.redis.slowCallRateThreshold", 90,
                "payment-service.circuitBreakers.booking-service.slidingWindowSize", 40,
                "notification-service.circuitBreakers.booking-service.minimumNumberOfCalls", 8,
                "notification-service.circuitBreakers.channels.waitDurationInOpenState", "2m"));

        Map<String, Source> gateway = ContainerEnvironment.of(platform, "gateway-service");
        assertThat(gateway.get("BOXOFFICE_GATEWAY_BREAKER_FAILURERATETHRESHOLD").value()).isEqualTo("25");
        assertThat(gateway.get("BOXOFFICE_GATEWAY_BREAKER_SLOWCALLDURATIONTHRESHOLD").value()).isEqualTo("2s");
        assertThat(gateway.get("BOXOFFICE_GATEWAY_BREAKER_SLIDINGWINDOWSIZE").value()).isEqualTo("20");

        Map<String, Object> redis = instance(platform, "booking-service-blue", "redis");
        assertThat(redis).containsEntry("wait-duration-in-open-state", "5s").containsEntry("slow-call-rate-threshold", 90)
                .containsEntry("minimum-number-of-calls", 3);
        assertThat(instance(platform, "booking-service-green", "redis")).as("both slots").isEqualTo(redis);
        assertThat(instance(platform, "payment-service", "booking-service")).containsEntry("sliding-window-size", 40);
        assertThat(instance(platform, "notification-service", "booking-service"))
                .containsEntry("minimum-number-of-calls", 8).containsEntry("failure-rate-threshold", 50);

        Map<String, Source> notification = ContainerEnvironment.of(platform, "notification-service");
        assertThat(notification.get("BOXOFFICE_NOTIFICATION_DELIVERY_BREAKER_WAITDURATIONINOPENSTATE").value())
                .isEqualTo("2m");
        assertThat(notification.get("BOXOFFICE_NOTIFICATION_DELIVERY_BREAKER_PERMITTEDNUMBEROFCALLSINHALFOPENSTATE")
                .value()).isEqualTo("1");
        assertThat(instances(platform, "notification-service")).as("the channels are not a Resilience4j instance")
                .doesNotContainKey("channels");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void theChartsDefaultsAreWhatEachServiceShipsWith(Profile profile) throws IOException {
        Rendered platform = Charts.platform(profile);

        assertThat(instances(platform, "booking-service-blue")).containsOnlyKeys("redis");
        assertShipped(instance(platform, "booking-service-blue", "redis"), "booking-service", "redis");
        assertShipped(instance(platform, "payment-service", "booking-service"), "payment-service", "booking-service");
        assertShipped(instance(platform, "notification-service", "booking-service"), "notification-service",
                "booking-service");

        assertShippedAsVariables(platform, "gateway-service", "boxoffice.gateway.breaker");
        assertShippedAsVariables(platform, "notification-service", "boxoffice.notification.delivery.breaker");
        assertThat(ContainerEnvironment.of(platform, "gateway-service")).as("slow as the route's timeout unless set")
                .doesNotContainKey("BOXOFFICE_GATEWAY_BREAKER_SLOWCALLDURATIONTHRESHOLD");
    }

    @Test
    void theSchemaRefusesABadOrUnknownBreaker() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS,
                Map.of("booking-service.circuitBreakers.redis.failureRateThreshold", 150)))
                .hasMessageContaining("failureRateThreshold");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS,
                Map.of("gateway-service.circuitBreakers.services.waitDurationInOpenState", "10 seconds")))
                .hasMessageContaining("waitDurationInOpenState");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS,
                Map.of("payment-service.circuitBreakers.bookingService.slidingWindowSize", 10)))
                .hasMessageContaining("bookingService");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS,
                Map.of("notification-service.circuitBreakers.channels.window", 10)))
                .hasMessageContaining("window");
    }

    /** Each rendered setting equals the service's application.yml, so an install without overrides changes nothing. */
    private static void assertShipped(Map<String, Object> rendered, String service, String breaker) throws IOException {
        Map<String, Object> shipped = at(at(applicationYml(service), INSTANCES), breaker);

        assertThat(rendered).as(service + " " + breaker).isNotEmpty();
        assertThat(shipped).as(service + " " + breaker).containsAllEntriesOf(rendered);
    }

    /** The breaker the service builds itself: every setting of its application.yml, as the chart's variable. */
    private static void assertShippedAsVariables(Rendered platform, String service, String prefix) throws IOException {
        Map<String, Object> shipped = at(applicationYml(service), prefix);
        Map<String, Source> env = ContainerEnvironment.of(platform, service);

        assertThat(shipped).as(service).hasSize(6);
        shipped.forEach((key, value) -> assertThat(env.get(
                (prefix + "_" + key).replace('.', '_').replace("-", "").toUpperCase(java.util.Locale.ROOT)).value())
                .as(service + " " + key).isEqualTo(String.valueOf(value)));
    }

    private static Map<String, Object> applicationYml(String service) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(
                Charts.HELM_DIR.getParent().resolve(service + "/src/main/resources/application.yml")));
    }

    private static Map<String, Object> instance(Rendered platform, String deployment, String breaker) {
        return at(instances(platform, deployment), breaker);
    }

    private static Map<String, Object> instances(Rendered platform, String deployment) {
        String json = (String) ContainerEnvironment.of(platform, deployment).get("SPRING_APPLICATION_JSON").value();
        return at(new Yaml(new SafeConstructor(new LoaderOptions())).load(json), INSTANCES);
    }
}
