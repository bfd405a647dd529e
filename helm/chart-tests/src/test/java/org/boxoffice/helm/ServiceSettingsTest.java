package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.helm.Rendered.at;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.boxoffice.helm.Charts.Profile;
import org.boxoffice.helm.ContainerEnvironment.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The settings each service reads (its application.yml and platform-support's boxoffice-defaults.properties)
 * reach that service's container, with the value the chart was given, and secrets only from Secrets.
 */
class ServiceSettingsTest {

    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|SIGNING_KEY|PASS_KEY|USERNAME|ACCOUNT_SID)$");

    private final Rendered platform = Charts.platform(Profile.DEFAULTS);

    @Test
    void everyServiceSamplesTracesAtTheGlobalRate() {
        Rendered production = Charts.platform(Profile.PRODUCTION);
        for (String service : Charts.SERVICES) {
            assertThat(env(platform, service).get("BOXOFFICE_TRACE_SAMPLING").value()).as(service).isEqualTo("0.1");
            assertThat(env(production, service).get("BOXOFFICE_TRACE_SAMPLING").value()).as(service).isEqualTo("0.05");
        }
    }

    @Test
    void anotherOpenFeatureProviderAndItsEnvironmentReachEveryService() {
        Rendered flagd = Charts.platform(Profile.DEFAULTS, Map.of(
                "global.flags.provider", "dev.openfeature.contrib.providers.flagd.FlagdProvider",
                "global.flags.providerEnv.FLAGD_HOST", "flagd.flags.svc",
                "global.flags.definitions", "file:/config/flags.json"));
        for (String service : Charts.SERVICES) {
            assertThat(env(platform, service)).as(service + ": the built-in provider by default")
                    .doesNotContainKeys("BOXOFFICE_FLAGS_PROVIDER", "BOXOFFICE_FLAGS_DEFINITIONS");
            assertThat(env(flagd, service).get("BOXOFFICE_FLAGS_PROVIDER").value()).as(service)
                    .isEqualTo("dev.openfeature.contrib.providers.flagd.FlagdProvider");
            assertThat(env(flagd, service).get("FLAGD_HOST").value()).as(service).isEqualTo("flagd.flags.svc");
            assertThat(env(flagd, service).get("BOXOFFICE_FLAGS_DEFINITIONS").value()).as(service)
                    .isEqualTo("file:/config/flags.json");
        }
    }

    @Test
    void bookingKeepsObjectsInADirectoryByDefaultAndInABucketWithCredentialsFromASecretInProduction() {
        assertThat(env(platform, "booking-service").get("BOXOFFICE_STORAGE_TYPE").value()).isEqualTo("directory");
        assertThat(env(platform, "booking-service")).doesNotContainKey("BOXOFFICE_STORAGE_S3_BUCKET");

        Map<String, Source> production = env(Charts.platform(Profile.PRODUCTION), "booking-service");
        assertThat(production.get("BOXOFFICE_STORAGE_TYPE").value()).isEqualTo("s3");
        assertThat(production.get("BOXOFFICE_STORAGE_S3_BUCKET").value()).isEqualTo("boxoffice-media-example");
        assertThat(production.get("BOXOFFICE_STORAGE_S3_PATHSTYLE").value()).isEqualTo("false");
        assertThat(production.get("BOXOFFICE_STORAGE_S3_SECRETKEY").isSecret()).as("from a Secret, never a value")
                .isTrue();
        assertThat(production.get("BOXOFFICE_STORAGE_S3_SECRETKEY").name()).isEqualTo("boxoffice-object-storage");
        assertThat(production.get("BOXOFFICE_STORAGE_S3_ACCESSKEY").isSecret()).isTrue();

        Rendered minio = Charts.platform(Profile.DEFAULTS, Map.of("booking-service.storage.type", "s3",
                "booking-service.storage.s3.endpoint", "http://minio.storage:9000"));
        assertThat(env(minio, "booking-service").get("BOXOFFICE_STORAGE_S3_ENDPOINT").value())
                .isEqualTo("http://minio.storage:9000");
    }

    @Test
    void everyServiceWithASchemaGetsItsOwnPoolSize() {
        Rendered sized = Charts.platform(Profile.DEFAULTS, Map.of("booking-service.dbPoolSize", 25));
        for (String service : Charts.SERVICES) {
            Source pool = env(sized, service).get("BOXOFFICE_DB_POOL_SIZE");
            if (service.equals("gateway-service")) {
                assertThat(pool).as("the gateway has no database").isNull();
            } else {
                assertThat(pool.value()).as(service).isEqualTo(service.equals("booking-service") ? "25" : "10");
            }
        }
    }

    @Test
    void gatewayGetsCorsOriginsAndRateLimits() {
        Rendered tuned = Charts.platform(Profile.DEFAULTS, Map.of(
                "gateway-service.corsOrigins[0]", "https://tickets.example.com",
                "gateway-service.corsOrigins[1]", "https://admin.example.com",
                "gateway-service.rateLimit.window", "30s",
                "gateway-service.rateLimit.anonymousPerWindow", 50));
        Map<String, Source> env = env(tuned, "gateway-service");

        assertThat(env.get("BOXOFFICE_CORS_ORIGINS").value()).isEqualTo("https://tickets.example.com,https://admin.example.com");
        assertThat(env.get("BOXOFFICE_GATEWAY_EDGE_RATELIMIT_WINDOW").value()).isEqualTo("30s");
        assertThat(env.get("BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ANONYMOUSPERWINDOW").value()).isEqualTo("50");
        assertThat(env.get("BOXOFFICE_GATEWAY_EDGE_RATELIMIT_AUTHENTICATEDPERWINDOW").value()).isEqualTo("600");
        assertThat(env.get("BOXOFFICE_GATEWAY_EDGE_RATELIMIT_CREDENTIALSPERWINDOW").value()).isEqualTo("60");
        assertThat(env.get("BOXOFFICE_GATEWAY_EDGE_RATELIMIT_ENABLED").value()).isEqualTo("true");
        assertThat(env(platform, "gateway-service").get("BOXOFFICE_CORS_ORIGINS").value()).as("same-origin only").isEqualTo("");
        assertThat(env(Charts.platform(Profile.PRODUCTION), "gateway-service").get("BOXOFFICE_CORS_ORIGINS").value())
                .isEqualTo("https://tickets.example.com");
        for (String service : Charts.SERVICES) {
            if (!service.equals("gateway-service")) {
                assertThat(env(platform, service)).as(service).doesNotContainKeys("BOXOFFICE_CORS_ORIGINS",
                        "BOXOFFICE_GATEWAY_EDGE_RATELIMIT_WINDOW");
            }
        }
    }

    @Test
    void gatewayTrustsXForwardedForOnlyFromTheConfiguredProxyRanges() {
        Rendered own = Charts.platform(Profile.DEFAULTS, Map.of(
                "gateway-service.trustedProxies[0]", "10.42.0.0/16",
                "gateway-service.trustedProxies[1]", "2001:db8:42::/48"));
        Rendered none = Charts.platform(Profile.DEFAULTS, Map.of("gateway-service.trustedProxies", "null"));

        assertThat(env(platform, "gateway-service").get("BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES").value())
                .as("placeholder: any private pod network, fenced by the NetworkPolicy to the ingress controller")
                .isEqualTo("10.0.0.0/8,172.16.0.0/12,192.168.0.0/16");
        assertThat(Rendered.list(platform.get("NetworkPolicy", "gateway-service"), "spec.ingress").getFirst().toString())
                .contains("kubernetes.io/metadata.name=ingress-nginx");
        assertThat(env(own, "gateway-service").get("BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES").value())
                .isEqualTo("10.42.0.0/16,2001:db8:42::/48");
        assertThat(env(none, "gateway-service").get("BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES").value()).isEqualTo("");
        assertThat(env(Charts.platform(Profile.PRODUCTION), "gateway-service").get("BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES")
                .value()).isEqualTo("10.20.0.0/16");
        for (String service : Charts.SERVICES) {
            if (!service.equals("gateway-service")) {
                assertThat(env(platform, service)).as(service).doesNotContainKey("BOXOFFICE_GATEWAY_EDGE_TRUSTEDPROXIES");
            }
        }
    }

    @Test
    void paymentCallsBookingThroughItsServiceWhichAdmitsPayment() {
        Map<String, Object> booking = platform.get("Service", "booking-service");

        assertThat(env(platform, "payment-service").get("BOXOFFICE_BOOKING_URL").value())
                .isEqualTo("http://booking-service:" + ((Map<?, ?>) Rendered.list(booking, "spec.ports").getFirst()).get("port"));
        assertThat(Rendered.list(platform.get("NetworkPolicy", "booking-service"), "spec.ingress").getFirst().toString())
                .contains("app.kubernetes.io/name=payment-service");
    }

    @Test
    void everyPaymentReplicaSharesTheGeneratedWebhookSecret() {
        assertThat(env(platform, "payment-service").get("BOXOFFICE_PAYMENT_SANDBOX_WEBHOOK_SECRET"))
                .isEqualTo(new Source("Secret", "boxoffice-payment-webhook", "webhook-secret", null));
        assertThat(HooksTest.generated("boxoffice-payment-webhook", "webhook-secret")).hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void everyBookingReplicaAndBothSlotsShareTheGeneratedTicketSigningKey() {
        Source expected = new Source("Secret", "boxoffice-ticket-signing", "signing-key", null);
        for (String slot : new String[] {"booking-service-blue", "booking-service-green"}) {
            assertThat(env(platform, slot).get("BOXOFFICE_TICKET_SIGNING_KEY")).as(slot).isEqualTo(expected);
        }
        assertThat(HooksTest.generated("boxoffice-ticket-signing", "signing-key"))
                .as("TicketSigner refuses a key under 32 characters").hasSizeGreaterThanOrEqualTo(32);
    }

    @Test
    void gatewayAndEveryBookingReplicaShareTheGeneratedWaitingRoomPassKey() {
        Source expected = new Source("Secret", "boxoffice-waiting-room-pass", "pass-key", null);

        assertThat(env(platform, "gateway-service").get("BOXOFFICE_WAITING_ROOM_PASS_KEY")).as("signs").isEqualTo(expected);
        for (String slot : new String[] {"booking-service-blue", "booking-service-green"}) {
            assertThat(env(platform, slot).get("BOXOFFICE_WAITING_ROOM_PASS_KEY")).as(slot + " checks").isEqualTo(expected);
        }
        assertThat(HooksTest.generated("boxoffice-waiting-room-pass", "pass-key"))
                .as("AdmissionPasses refuses a key under 32 characters").hasSizeGreaterThanOrEqualTo(32);
        for (String service : Charts.SERVICES) {
            if (!service.equals("gateway-service") && !service.equals("booking-service")) {
                assertThat(env(platform, service)).as("only the gateway and booking hold the pass key")
                        .doesNotContainKey("BOXOFFICE_WAITING_ROOM_PASS_KEY");
            }
        }
    }

    @Test
    void gatewayRunsTheWaitingRoomWithItsSettings() {
        Rendered tuned = Charts.platform(Profile.DEFAULTS, Map.of(
                "gateway-service.waitingRoom.maxPoll", "20s",
                "gateway-service.waitingRoom.auto.increasePerMinute", 60,
                "gateway-service.waitingRoom.auto.decreaseFactor", "0.5"));
        Map<String, Source> defaults = env(platform, "gateway-service");
        Map<String, Source> env = env(tuned, "gateway-service");

        assertThat(defaults.get("BOXOFFICE_GATEWAY_WAITINGROOM_MAXPOLL").value()).isEqualTo("30s");
        assertThat(defaults.get("BOXOFFICE_GATEWAY_WAITINGROOM_IDLETIMEOUT").value()).isEqualTo("2m");
        assertThat(defaults.get("BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_MAXINFLIGHT").value()).isEqualTo("256");
        assertThat(env.get("BOXOFFICE_GATEWAY_WAITINGROOM_MAXPOLL").value()).isEqualTo("20s");
        assertThat(env.get("BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_INCREASEPERMINUTE").value()).isEqualTo("60");
        assertThat(env.get("BOXOFFICE_GATEWAY_WAITINGROOM_AUTO_DECREASEFACTOR").value()).isEqualTo("0.5");
        assertThat(env(platform, "booking-service")).doesNotContainKey("BOXOFFICE_GATEWAY_WAITINGROOM_MAXPOLL");
    }

    @Test
    void everyServiceWithTheEventBusSignsWithItsOwnGeneratedKeyAndTrustsEachProducersPublishedKeys() throws Exception {
        for (String service : Charts.SERVICES) {
            for (String deployment : service.equals("booking-service")
                    ? new String[] {"booking-service-blue", "booking-service-green"} : new String[] {service}) {
                Map<String, Source> env = env(platform, deployment);
                if (service.equals("gateway-service")) {
                    assertThat(env).as("the gateway has no event bus").doesNotContainKeys(
                            "BOXOFFICE_EVENTS_SIGNING_KEY", "BOXOFFICE_EVENTS_TRUSTED_KEYS");
                    continue;
                }
                String own = "boxoffice-event-signing-" + service.replace("-service", "");
                assertThat(env.get("BOXOFFICE_EVENTS_SIGNING_KEY")).as(deployment)
                        .isEqualTo(new Source("Secret", own, "signing-key.pem", null));
                String trusted = String.valueOf(env.get("BOXOFFICE_EVENTS_TRUSTED_KEYS").value());
                for (String producer : List.of("user-service", "booking-service", "payment-service")) {
                    int port = (Integer) ((Map<?, ?>) Rendered.list(platform.get("Service", producer), "spec.ports")
                            .getFirst()).get("port");
                    assertThat(trusted).as(deployment).contains(producer + "=http://" + producer + ":" + port
                            + "/.well-known/event-keys");
                }
            }
        }
        for (String service : List.of("user", "booking", "payment", "notification", "analytics")) {
            String pem = HooksTest.generated("boxoffice-event-signing-" + service, "signing-key.pem");
            assertThat(pem).as(service).startsWith("-----BEGIN PRIVATE KEY-----");
            byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            // What the service does with it at start-up (EventKeys.privateKey): a PKCS#8 Ed25519 key.
            assertThat(java.security.KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der)).getAlgorithm()).as(service)
                    .isIn("EdDSA", "Ed25519");
        }
    }

    @Test
    void userAndNotificationShareTheGeneratedVerificationCodeKeyAndNoOtherServiceHasIt() {
        Source expected = new Source("Secret", "boxoffice-verification-code", "code-key", null);
        for (String service : Charts.SERVICES) {
            Map<String, Source> env = env(platform, service.equals("booking-service") ? "booking-service-blue" : service);
            if (service.equals("user-service") || service.equals("notification-service")) {
                assertThat(env.get("BOXOFFICE_VERIFICATION_CODE_KEY")).as(service).isEqualTo(expected);
            } else {
                assertThat(env).as(service).doesNotContainKey("BOXOFFICE_VERIFICATION_CODE_KEY");
            }
        }
        assertThat(HooksTest.generated("boxoffice-verification-code", "code-key")).hasSize(64);
    }

    @Test
    void signingSecretsCanComeFromTheOperatorsOwnSecret() {
        Rendered own = Charts.platform(Profile.DEFAULTS, Map.of(
                "booking-service.secretKeyRefs.BOXOFFICE_TICKET_SIGNING_KEY.secretName", "my-ticket-key"));

        for (String slot : new String[] {"booking-service-blue", "booking-service-green"}) {
            assertThat(env(own, slot).get("BOXOFFICE_TICKET_SIGNING_KEY").name()).isEqualTo("my-ticket-key");
        }
    }

    @Test
    void notificationGetsSmtpSettingsAndCredentialsFromItsSecret() {
        Rendered smtp = Charts.platform(Profile.DEFAULTS, Map.of(
                "notification-service.smtp.host", "smtp.mail.example",
                "notification-service.smtp.port", 2525,
                "notification-service.smtp.starttls", false,
                "notification-service.smtp.username", "mailer",
                "notification-service.smtp.password", "s3cret",
                "notification-service.mailFrom", "Tickets <t@example.com>"));
        Map<String, Source> env = env(smtp, "notification-service");

        assertThat(env.get("BOXOFFICE_SMTP_HOST").value()).isEqualTo("smtp.mail.example");
        assertThat(env.get("BOXOFFICE_SMTP_PORT").value()).isEqualTo("2525");
        assertThat(env.get("BOXOFFICE_SMTP_AUTH").value()).isEqualTo("true");
        assertThat(env.get("BOXOFFICE_SMTP_STARTTLS").value()).isEqualTo("false");
        assertThat(env.get("BOXOFFICE_MAIL_FROM").value()).isEqualTo("Tickets <t@example.com>");
        assertThat(env.get("BOXOFFICE_SMTP_USERNAME")).isEqualTo(new Source("Secret", "notification-service", "BOXOFFICE_SMTP_USERNAME", "mailer"));
        assertThat(env.get("BOXOFFICE_SMTP_PASSWORD")).isEqualTo(new Source("Secret", "notification-service", "BOXOFFICE_SMTP_PASSWORD", "s3cret"));
        assertThat(env.keySet()).as("Spring's own names are no longer read").noneMatch(name -> name.startsWith("SPRING_MAIL_"));
    }

    @Test
    void productionSmtpCredentialsComeOnlyFromTheExistingSecret() {
        Rendered production = Charts.platform(Profile.PRODUCTION);
        Map<String, Source> env = env(production, "notification-service");

        assertThat(env.get("BOXOFFICE_SMTP_HOST").value()).isEqualTo("email-smtp.eu-west-1.amazonaws.com");
        assertThat(env).containsKey("*boxoffice-smtp").doesNotContainKeys("BOXOFFICE_SMTP_USERNAME", "BOXOFFICE_SMTP_PASSWORD");
        assertThat(production.find("Secret", "notification-service")).isEmpty();
    }

    @Test
    void smsAndWhatsAppAreOffUntilAnEndpointIsSetThenGetTheirCredentialsFromTheSecret() {
        assertThat(env(platform, "notification-service").keySet()).noneMatch(name ->
                name.startsWith("BOXOFFICE_NOTIFICATION_SMS_") || name.startsWith("BOXOFFICE_NOTIFICATION_WHATSAPP_"));

        Rendered phones = Charts.platform(Profile.DEFAULTS, Map.of(
                "notification-service.sms.endpoint", "https://api.sms.example",
                "notification-service.sms.from", "Boxoffice",
                "notification-service.sms.accountSid", "AC123",
                "notification-service.sms.authToken", "tok",
                "notification-service.whatsapp.endpoint", "https://api.wa.example"));
        Map<String, Source> env = env(phones, "notification-service");

        assertThat(env.get("BOXOFFICE_NOTIFICATION_SMS_ENDPOINT").value()).isEqualTo("https://api.sms.example");
        assertThat(env.get("BOXOFFICE_NOTIFICATION_SMS_FROM").value()).isEqualTo("Boxoffice");
        assertThat(env.get("BOXOFFICE_NOTIFICATION_SMS_ACCOUNT_SID")).extracting(Source::kind, Source::value).containsExactly("Secret", "AC123");
        assertThat(env.get("BOXOFFICE_NOTIFICATION_SMS_AUTH_TOKEN")).extracting(Source::kind, Source::value).containsExactly("Secret", "tok");
        assertThat(env.get("BOXOFFICE_NOTIFICATION_WHATSAPP_ENDPOINT").value()).isEqualTo("https://api.wa.example");
        assertThat(env.get("BOXOFFICE_NOTIFICATION_WHATSAPP_AUTH_TOKEN").isSecret()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void noSecretIsEverWrittenToAConfigMap(Profile profile) {
        Rendered rendered = Charts.platform(profile, Map.of(
                "notification-service.smtp.password", "p", "notification-service.sms.endpoint", "https://sms.example"));
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, Object> configMap : rendered.all("ConfigMap")) {
            Map<String, Object> data = at(configMap, "data");
            if (data != null) {
                softly.assertThat(data.keySet()).as(Rendered.nameOf(configMap))
                        .noneMatch(key -> SECRET_NAME.matcher(key).matches());
            }
        }
        for (String deployment : deployments(rendered)) {
            ContainerEnvironment.of(rendered, deployment).forEach((name, source) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    softly.assertThat(source.kind()).as(deployment + " reads " + name).isEqualTo("Secret");
                }
            });
        }
        softly.assertAll();
    }

    private static Iterable<String> deployments(Rendered rendered) {
        return rendered.all("Deployment").stream().map(d -> (String) at(d, "metadata.name")).toList();
    }

    /** A service's environment; under blue-green, the blue slot's. */
    private static Map<String, Source> env(Rendered rendered, String serviceOrDeployment) {
        String deployment = rendered.find("Deployment", serviceOrDeployment).isPresent() ? serviceOrDeployment : serviceOrDeployment + "-blue";
        return new HashMap<>(ContainerEnvironment.of(rendered, deployment));
    }
}
