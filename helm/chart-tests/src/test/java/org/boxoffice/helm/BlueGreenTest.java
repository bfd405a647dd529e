package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.val;
import static org.boxoffice.helm.Rendered.list;

import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;

/** booking-service runs two slots; one value moves its traffic. */
class BlueGreenTest {

    @Test
    void serviceRoutesToTheActiveSlotOnly() {
        Rendered blue = Charts.platform(Profile.DEFAULTS);
        Rendered green = Charts.platform(Profile.DEFAULTS, Map.of("booking-service.blueGreen.activeSlot", "green"));

        assertThat(slotOf(blue)).isEqualTo("blue");
        assertThat(slotOf(green)).isEqualTo("green");
    }

    @Test
    void bothSlotsStayDeployedAcrossACutOverSoRollbackIsInstant() {
        Rendered green = Charts.platform(Profile.DEFAULTS, Map.of("booking-service.blueGreen.activeSlot", "green"));

        for (String slot : new String[] {"blue", "green"}) {
            Map<String, Object> deployment = green.get("Deployment", "booking-service-" + slot);
            assertThat(val(deployment, "spec.selector.matchLabels.boxoffice\\.io/slot")).isEqualTo(slot);
            assertThat(green.find("HorizontalPodAutoscaler", "booking-service-" + slot)).isPresent();
            assertThat(green.find("PodDisruptionBudget", "booking-service-" + slot)).isPresent();
        }
        assertThat(green.find("Deployment", "booking-service")).isEmpty();
    }

    @Test
    void eachSlotRunsItsOwnImageTag() {
        Rendered rendered = Charts.platform(Profile.DEFAULTS, Map.of(
                "booking-service.blueGreen.slots.blue.tag", "1.4.0",
                "booking-service.blueGreen.slots.green.tag", "1.5.0"));

        assertThat(image(rendered, "booking-service-blue")).isEqualTo("ghcr.io/boxoffice/booking-service:1.4.0");
        assertThat(image(rendered, "booking-service-green")).isEqualTo("ghcr.io/boxoffice/booking-service:1.5.0");
    }

    @Test
    void otherServicesKeepOneDeploymentNamedAfterTheService() {
        Rendered rendered = Charts.platform(Profile.DEFAULTS);

        assertThat(rendered.find("Deployment", "payment-service")).isPresent();
        assertThat(val(rendered.get("Service", "payment-service"), "spec.selector")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).doesNotContainKey("boxoffice.io/slot");
    }

    private static String slotOf(Rendered rendered) {
        return at(rendered.get("Service", "booking-service"), "spec.selector.boxoffice\\.io/slot");
    }

    private static String image(Rendered rendered, String deployment) {
        return (String) list(rendered.get("Deployment", deployment), "spec.template.spec.containers").getFirst().get("image");
    }
}
