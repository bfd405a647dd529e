package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.helm.Rendered.at;
import static org.boxoffice.helm.Rendered.list;
import static org.boxoffice.helm.Rendered.val;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an operator relies on beyond the resources themselves (issue 23): the supported Kubernetes versions, one place
 * to pin images, budgets that scale with the fleet, security contexts OpenShift accepts, keys that survive upgrades,
 * a shutdown that fits its grace period and a JVM sized to the pod, for the default and the production values.
 */
class ChartPropertiesTest {

    private static final Pattern PROCESSORS = Pattern.compile("-XX:ActiveProcessorCount=(\\d+)");

    @Test
    void everyApplicationChartRequiresKubernetes130ForThePreStopSleepAction() throws IOException {
        for (String chart : ChartLintTest.charts().filter(c -> !c.equals("boxoffice-lib")).toList()) {
            assertThat(Files.readString(Charts.HELM_DIR.resolve(chart).resolve("Chart.yaml")))
                    .as(chart).contains("kubeVersion: \">=1.30.0-0\"");
        }
        assertThatThrownBy(() -> new Helm(Charts.UMBRELLA).template().withName(Charts.RELEASE).withKubeVersion("v1.29.9")
                .set("bootstrapSecrets.lookup", false).call())
                .hasMessageContaining("kubeVersion");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void oneGlobalTagPinsEveryServiceImageAndADigestWinsOverIt(Profile profile) {
        Rendered pinned = Charts.platform(profile, Map.of("global.image.registry", "registry.example.com",
                "global.image.tag", "9.9.9", "global.image.digests.gateway-service", "sha256:" + "b".repeat(64)));
        List<String> images = images(pinned);

        assertThat(images).hasSizeGreaterThanOrEqualTo(Charts.SERVICES.size()).allSatisfy(image ->
                assertThat(image).startsWith("registry.example.com/boxoffice/"));
        assertThat(images).filteredOn(image -> image.contains("/gateway-service")).singleElement()
                .isEqualTo("registry.example.com/boxoffice/gateway-service@sha256:" + "b".repeat(64));
        assertThat(images).filteredOn(image -> !image.contains("/gateway-service") && !image.contains("/booking-service"))
                .hasSize(4).allSatisfy(image -> assertThat(image).endsWith(":9.9.9"));
    }

    @Test
    void productionPinsEveryServiceToTheReleaseTag() {
        assertThat(images(Charts.platform(Profile.PRODUCTION))).hasSize(7)
                .allSatisfy(image -> assertThat(image).startsWith("ghcr.io/boxoffice/").endsWith(":0.1.0"));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void disruptionBudgetsUseMaxUnavailableSoADrainNeverTakesMostOfALargeFleet(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> budgets = platform.ofKind("PodDisruptionBudget");

        assertThat(budgets).hasSize(7);
        for (Map<String, Object> pdb : budgets) {
            String name = Rendered.nameOf(pdb);
            assertThat((Map<String, Object>) at(pdb, "spec")).as(name).doesNotContainKey("minAvailable");
            int maxReplicas = at(platform.get("HorizontalPodAutoscaler", at(pdb, "metadata.name")), "spec.maxReplicas");
            int disruptions = PlatformPolicyTest.disruptions(at(pdb, "spec.maxUnavailable"), maxReplicas);
            assertThat(disruptions).as("%s at %d replicas", name, maxReplicas)
                    .isPositive().isLessThanOrEqualTo((int) Math.ceil(maxReplicas * 0.25));
        }
    }

    @Test
    void minAvailableStillWinsWhenAnOperatorSetsIt() {
        Map<String, Object> pdb = Charts.platform(Profile.DEFAULTS, Map.of("analytics-service.podDisruptionBudget.minAvailable", 1))
                .get("PodDisruptionBudget", "analytics-service");

        assertThat((Map<String, Object>) at(pdb, "spec")).containsEntry("minAvailable", 1).doesNotContainKey("maxUnavailable");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void namespaceDefaultDenyIsOffUnlessAskedFor(Profile profile) {
        assertThat(Charts.platform(profile).ofKind("NetworkPolicy"))
                .noneSatisfy(policy -> assertThat((Map<String, Object>) at(policy, "spec.podSelector")).isEmpty());

        Rendered denied = Charts.platform(profile, Map.of("namespaceDefaultDeny.enabled", true));
        Map<String, Object> deny = denied.get("NetworkPolicy", "boxoffice-default-deny");
        assertThatCode(() -> KubernetesModels.validate(deny)).doesNotThrowAnyException();
        assertThat((Map<String, Object>) at(deny, "spec")).containsEntry("podSelector", Map.of())
                .containsEntry("policyTypes", List.of("Ingress", "Egress")).doesNotContainKeys("ingress", "egress");
        assertThat(denied.ofKind("NetworkPolicy")).as("the services keep their own policies; the helm test pod gets one")
                .hasSize(Charts.platform(profile).ofKind("NetworkPolicy").size() + 2);
    }

    @Test
    void theHelmTestPodReachesTheGatewayThroughADefaultDeny() {
        Map<String, Object> policy = Charts.platform(Profile.DEFAULTS, Map.of("namespaceDefaultDeny.enabled", true))
                .get("NetworkPolicy", "boxoffice-smoke-test");

        assertThatCode(() -> KubernetesModels.validate(policy)).doesNotThrowAnyException();
        assertThat(list(policy, "spec.egress")).hasSize(2).last().satisfies(rule -> {
            assertThat(val(rule, "to")).asString().contains("gateway-service");
            assertThat(list(rule, "ports")).singleElement().satisfies(port -> assertThat(port).containsEntry("port", 8080));
        });
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void openShiftModeLeavesTheUserAndGroupsToTheNamespaceAndKeepsEverythingElseLockedDown(Profile profile) {
        Rendered fixed = Charts.platform(profile);
        Rendered openShift = Charts.platform(profile, Map.of("global.compatibility.openshift.adaptSecurityContext", "force"));
        List<Map<String, Object>> deployments = openShift.ofKind("Deployment");

        assertThat(fixed.ofKind("Deployment")).isNotEmpty().allSatisfy(d ->
                assertThat(val(d, "spec.template.spec.securityContext.runAsUser")).isEqualTo(65532));
        assertThat(deployments).hasSize(7);
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> pod = at(deployment, "spec.template.spec.securityContext");
            Map<String, Object> container = at(NamedPorts.containers(deployment).getFirst(), "securityContext");
            softly.assertThat(pod).as(Rendered.nameOf(deployment)).doesNotContainKeys("runAsUser", "runAsGroup", "fsGroup")
                    .containsEntry("runAsNonRoot", true).containsEntry("seccompProfile", Map.of("type", "RuntimeDefault"));
            softly.assertThat(container).as(Rendered.nameOf(deployment)).doesNotContainKeys("runAsUser", "runAsGroup")
                    .containsEntry("readOnlyRootFilesystem", true).containsEntry("allowPrivilegeEscalation", false);
        }
        softly.assertAll();
        // The quick-start datastores under every profile: production's connection budgets are its managed servers',
        // more than the in-chart Postgres and Redis serve, so they are left undeclared here.
        assertThat(Charts.platform(profile, Map.of("global.compatibility.openshift.adaptSecurityContext", "force",
                "inClusterPostgres.enabled", true, "global.postgres.password", "p", "inClusterRedis.enabled", true,
                "global.redis.password", "p", "global.postgres.maxConnections", 0, "global.redis.maxConnections", 0))
                .all("StatefulSet")).as("the quick-start datastores too").allSatisfy(set ->
                assertThat((Map<String, Object>) at(set, "spec.template.spec.securityContext"))
                        .doesNotContainKeys("runAsUser", "runAsGroup", "fsGroup").containsEntry("runAsNonRoot", true));
    }

    @Test
    void securityContextsAreValues() {
        Map<String, Object> deployment = Charts.platform(Profile.DEFAULTS, Map.of(
                "analytics-service.podSecurityContext.fsGroupChangePolicy", "OnRootMismatch",
                "analytics-service.containerSecurityContext.runAsUser", 1001)).get("Deployment", "analytics-service");

        assertThat(val(deployment, "spec.template.spec.securityContext.fsGroupChangePolicy")).isEqualTo("OnRootMismatch");
        assertThat(val(NamedPorts.containers(deployment).getFirst(), "securityContext.runAsUser")).isEqualTo(1001);
        assertThatCode(() -> KubernetesModels.validate(deployment)).doesNotThrowAnyException();
    }

    @Test
    void bootstrapSecretsAreKeptReleaseObjectsReusedFromTheClusterNotHooks() throws IOException {
        Rendered platform = Charts.platform(Profile.DEFAULTS);
        List<Map<String, Object>> generated = platform.ofKind("Secret").stream()
                .filter(s -> "keep".equals(val(s, "metadata.annotations.helm\\.sh/resource-policy"))).toList();

        assertThat(generated).extracting(s -> (String) at(s, "metadata.name")).containsExactlyInAnyOrder(
                "boxoffice-jwt-keys", "boxoffice-admin", "boxoffice-ticket-signing", "boxoffice-payment-webhook",
                "boxoffice-waiting-room-pass", "boxoffice-verification-code", "boxoffice-event-signing-user",
                "boxoffice-event-signing-booking", "boxoffice-event-signing-payment",
                "boxoffice-event-signing-notification", "boxoffice-event-signing-analytics");
        assertThat(Files.readString(Charts.UMBRELLA.resolve("templates/bootstrap-secrets.yaml")))
                .doesNotContain("helm.sh/hook:").contains("lookup \"v1\" \"Secret\" $.Release.Namespace $name");
        assertThat(Files.readString(Charts.UMBRELLA.resolve("values.yaml")))
                .as("lookup is on in the shipped values").containsPattern("(?m)^  lookup: true$");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void springsShutdownPhaseAndThePreStopSleepFitInTheGracePeriod(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> deployments = platform.ofKind("Deployment");

        assertThat(deployments).hasSize(7);
        for (Map<String, Object> deployment : deployments) {
            Map<String, Object> pod = at(deployment, "spec.template.spec");
            int grace = (Integer) pod.get("terminationGracePeriodSeconds");
            int sleep = (Integer) val(NamedPorts.containers(deployment).getFirst(), "lifecycle.preStop.sleep.seconds");
            String phase = (String) ContainerEnvironment.of(platform, (String) at(deployment, "metadata.name"))
                    .get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").value();
            assertThat(sleep + Integer.parseInt(phase.replace("s", ""))).as(Rendered.nameOf(deployment))
                    .isLessThan(grace).isGreaterThanOrEqualTo(grace - 15);
        }
    }

    @Test
    void aGracePeriodTooShortForTheShutdownPhaseIsRefused() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("payment-service.terminationGracePeriodSeconds", 30,
                "payment-service.preStopSleepSeconds", 20)))
                .hasMessageContaining("leaves 0 s for Spring's shutdown phase");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void theJvmIsToldThePodsProcessorsAndUsesG1(Profile profile) {
        Rendered platform = Charts.platform(profile);
        List<Map<String, Object>> deployments = platform.ofKind("Deployment");

        assertThat(deployments).hasSize(7);
        for (Map<String, Object> deployment : deployments) {
            String options = (String) ContainerEnvironment.of(platform, (String) at(deployment, "metadata.name"))
                    .get("JAVA_TOOL_OPTIONS").value();
            Object cpu = val(NamedPorts.containers(deployment).getFirst(), "resources.requests.cpu");
            int cores = (int) Math.ceil(cpu.toString().endsWith("m")
                    ? Integer.parseInt(cpu.toString().replace("m", "")) / 1000.0 : Double.parseDouble(cpu.toString()));
            assertThat(options).as(Rendered.nameOf(deployment))
                    .contains("-XX:ActiveProcessorCount=" + Math.max(2, cores), "-XX:+UseG1GC", "-XX:MaxRAMPercentage=75",
                            "-XX:+ExitOnOutOfMemoryError");
        }
    }

    @Test
    void processorsFollowTheCpuLimitOrAnExplicitCountAndTheCollectorIsAValue() {
        Rendered platform = Charts.platform(Profile.DEFAULTS, Map.of(
                "payment-service.resources.requests.cpu", "3500m", "payment-service.jvm.gc", "Z",
                "analytics-service.resources.limits.cpu", 6, "notification-service.jvm.activeProcessorCount", 3));

        assertThat(processors(platform, "payment-service")).isEqualTo(4);
        assertThat(options(platform, "payment-service")).contains("-XX:+UseZGC").doesNotContain("G1");
        assertThat(processors(platform, "analytics-service")).isEqualTo(6);
        assertThat(processors(platform, "notification-service")).isEqualTo(3);
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("payment-service.jvm.gc", "CMS")))
                .hasMessageContaining("gc");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void theRequestsInProgressPerReplicaFollowTheProcessors(Profile profile) {
        Rendered platform = Charts.platform(profile);

        for (String service : Charts.SERVICES.stream().filter(s -> !s.equals("gateway-service")).toList()) {
            String deployment = service.equals("booking-service") ? "booking-service-blue" : service;
            assertThat(ContainerEnvironment.of(platform, deployment).get("BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS").value())
                    .as(service).isEqualTo(String.valueOf(24 * processors(platform, deployment)));
        }
    }

    @Test
    void aLargerPodAdmitsMoreRequestsUnlessTheCountIsFixed() {
        Rendered platform = Charts.platform(Profile.DEFAULTS, Map.of(
                "payment-service.resources.requests.cpu", "3500m", "analytics-service.jvm.activeProcessorCount", 3,
                "analytics-service.http.maxConcurrentRequestsPerProcessor", 10,
                "booking-service.resources.limits.cpu", 8, "booking-service.http.maxConcurrentRequests", 60,
                "user-service.http.maxConcurrentRequestsPerProcessor", 0));

        assertThat(permits(platform, "payment-service")).isEqualTo("96");
        assertThat(permits(platform, "analytics-service")).isEqualTo("30");
        assertThat(permits(platform, "booking-service-blue")).as("the override wins").isEqualTo("60");
        assertThat(permits(platform, "user-service")).as("both 0: no limit").isEqualTo("0");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS,
                Map.of("payment-service.http.maxConcurrentRequestsPerProcessor", -1)))
                .hasMessageContaining("maxConcurrentRequestsPerProcessor");
    }

    @Test
    void theTunablesAreTypedValuesThatReachTheirPropertiesAndNothingElse() {
        Rendered platform = Charts.platform(Profile.DEFAULTS, Map.of(
                "booking-service.http.maxConcurrentRequests", 96, "booking-service.locks.lease", "8s",
                "user-service.hashing.maxConcurrent", 4, "user-service.login.maxDelay", "2m",
                "payment-service.dbConnectionTimeoutMillis", 1500,
                "gateway-service.upstream.routeTimeouts.booking-service", "4s",
                "gateway-service.upstream.pool.maxConnections", 1024));

        Map<String, ContainerEnvironment.Source> booking = ContainerEnvironment.of(platform, "booking-service-blue");
        assertThat(booking.get("BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS").value()).isEqualTo("96");
        assertThat(booking.get("BOXOFFICE_BOOKING_LOCKLEASE").value()).isEqualTo("8s");
        assertThat(booking.get("BOXOFFICE_BOOKING_LOCKWAIT").value()).isEqualTo("150ms");
        Map<String, ContainerEnvironment.Source> user = ContainerEnvironment.of(platform, "user-service");
        assertThat(user.get("BOXOFFICE_USERS_HASHING_MAXCONCURRENT").value()).isEqualTo("4");
        assertThat(user.get("BOXOFFICE_USERS_LOGIN_MAXDELAY").value()).isEqualTo("2m");
        assertThat(user.get("BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS").value()).isEqualTo("48");
        assertThat(ContainerEnvironment.of(platform, "payment-service").get("SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT").value())
                .isEqualTo("1500");
        Map<String, ContainerEnvironment.Source> gateway = ContainerEnvironment.of(platform, "gateway-service");
        assertThat(gateway).as("the gateway is not a Spring MVC service and has no database")
                .doesNotContainKeys("BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS", "SPRING_DATASOURCE_HIKARI_CONNECTIONTIMEOUT");
        assertThat(gateway.get("SPRING_CLOUD_GATEWAY_SERVER_WEBFLUX_HTTPCLIENT_POOL_MAXCONNECTIONS").value()).isEqualTo("1024");
        assertThat((String) gateway.get("SPRING_APPLICATION_JSON").value())
                .contains("\"booking-service\":{\"timeout\":\"4s\"}", "\"user-service\":{\"timeout\":\"10s\"}");
    }

    @Test
    void theSchemaRefusesAMistypedOrMisspelledTunable() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("booking-service.http.maxConcurrent", 10)))
                .hasMessageContaining("maxConcurrent");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("booking-service.locks.lease", "5 seconds")))
                .hasMessageContaining("lease");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("user-service.hashing.bcryptCost", 8)))
                .hasMessageContaining("bcryptCost");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("payment-service.dbConnectionTimeoutMillis", 100)))
                .hasMessageContaining("dbConnectionTimeoutMillis");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("gateway-service.upstream.routeTimeouts.billing-service", "1s")))
                .hasMessageContaining("invalid propertyName 'billing-service'");
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void twoPrefixedReleasesShareANamespaceWithoutSharingAnObject(Profile profile) {
        Rendered shop = Charts.platformAs("shop", profile, Map.of("global.releasePrefix", true));
        Rendered box = Charts.platformAs("box", profile, Map.of("global.releasePrefix", true));
        java.util.Set<String> shopNames = names(shop);

        assertThat(shopNames).hasSizeGreaterThan(40);
        assertThat(names(box)).hasSameSizeAs(shopNames).doesNotContainAnyElementsOf(shopNames);
        assertThat(shop.ofKind("Deployment")).hasSize(7).allSatisfy(d ->
                assertThat((String) at(d, "metadata.name")).startsWith("shop-"));
    }

    @ParameterizedTest
    @EnumSource(value = Profile.class, names = {"DEFAULTS", "PRODUCTION"})
    void aPrefixedReleaseCallsItsOwnServicesAndReadsItsOwnSecrets(Profile profile) {
        Rendered shop = Charts.platformAs("shop", profile, Map.of("global.releasePrefix", true));
        java.util.Set<String> services = shop.ofKind("Service").stream().map(s -> (String) at(s, "metadata.name"))
                .collect(java.util.stream.Collectors.toSet());
        Map<String, ContainerEnvironment.Source> gateway = ContainerEnvironment.of(shop, "shop-gateway-service");
        Map<String, ContainerEnvironment.Source> payment = ContainerEnvironment.of(shop, "shop-payment-service");
        Pattern host = Pattern.compile("http://([a-z0-9-]+):\\d+");

        List<String> urls = new java.util.ArrayList<>();
        for (String upstream : List.of("USER", "BOOKING", "PAYMENT", "NOTIFICATION", "ANALYTICS")) {
            urls.add((String) gateway.get("BOXOFFICE_" + upstream + "_URL").value());
        }
        urls.add((String) payment.get("BOXOFFICE_BOOKING_URL").value());
        urls.add((String) payment.get("BOXOFFICE_JWT_JWKS_URI").value());
        urls.addAll(List.of(((String) payment.get("BOXOFFICE_EVENTS_TRUSTED_KEYS").value()).split(",")));
        assertThat(urls).hasSize(12).allSatisfy(url -> {
            Matcher matcher = host.matcher(url);
            assertThat(matcher.find()).as(url).isTrue();
            assertThat(services).as(url).contains(matcher.group(1));
        });

        List<Map<String, Object>> deployments = shop.ofKind("Deployment");
        List<String> referenced = deployments.stream()
                .flatMap(d -> list(NamedPorts.containers(d).getFirst(), "env").stream())
                .map(env -> (String) val(env, "valueFrom.secretKeyRef.name")).filter(java.util.Objects::nonNull)
                // The datastore passwords: the operator's own Secrets (production) or each service's own.
                .filter(name -> !name.matches("boxoffice-(postgres|redis)|shop-[a-z]+-service"))
                .distinct().toList();
        assertThat(referenced).hasSizeGreaterThanOrEqualTo(9).allSatisfy(name -> assertThat(name).startsWith("shop-"));
        if (profile == Profile.DEFAULTS) {
            assertThat(referenced).allSatisfy(name -> assertThat(shop.find("Secret", name)).as(name).isPresent());
        }
        assertThat(shop.ofKind("NetworkPolicy")).isNotEmpty().allSatisfy(policy -> assertThat(list(policy, "spec.ingress"))
                .flatExtracting(rule -> list(rule, "from"))
                .filteredOn(peer -> peer.containsKey("podSelector"))
                .allSatisfy(peer -> assertThat(val(peer, "podSelector.matchLabels.app\\.kubernetes\\.io/instance")).isIn("shop", null)));
    }

    private static java.util.Set<String> names(Rendered rendered) {
        return rendered.objects().stream().map(Rendered::nameOf).collect(java.util.stream.Collectors.toSet());
    }

    private static List<String> images(Rendered platform) {
        return platform.ofKind("Deployment").stream()
                .map(d -> (String) NamedPorts.containers(d).getFirst().get("image")).toList();
    }

    private static String options(Rendered platform, String deployment) {
        return (String) ContainerEnvironment.of(platform, deployment).get("JAVA_TOOL_OPTIONS").value();
    }

    private static Object permits(Rendered platform, String deployment) {
        return ContainerEnvironment.of(platform, deployment).get("BOXOFFICE_HTTP_MAXCONCURRENTREQUESTS").value();
    }

    private static int processors(Rendered platform, String deployment) {
        Matcher matcher = PROCESSORS.matcher(options(platform, deployment));
        assertThat(matcher.find()).as(deployment).isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
