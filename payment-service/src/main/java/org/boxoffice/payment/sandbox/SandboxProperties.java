package org.boxoffice.payment.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The built-in sandbox provider.
 *
 * @param webhookSecret     HMAC key for webhook signatures ({@code BOXOFFICE_PAYMENT_SANDBOX_WEBHOOK_SECRET}); when
 *                          blank one is generated at start-up, which suits a single local replica only
 * @param webhookPreviousSecrets secrets being rotated out ({@code BOXOFFICE_PAYMENT_SANDBOX_WEBHOOKPREVIOUSSECRETS},
 *                          comma separated): webhooks signed with them are still accepted; new ones are signed with
 *                          {@code webhookSecret} only. Empty outside a rotation (docs/payments.md, "Rotating the
 *                          webhook secret")
 * @param webhookUrl        where webhooks go; default this service's own endpoint on its local port
 * @param confirmDelay      how long an ordinary charge takes to be confirmed
 * @param slowConfirmDelay  how long the "succeeds after a delay" card takes
 * @param outOfOrderGap     how long after {@code succeeded} the out-of-order card's {@code processing} is sent
 * @param tolerance         how far a webhook's signed timestamp may be from now
 * @param pollInterval      the longest the sandbox's back office sleeps: it wakes when the next charge or webhook
 *                          comes due, and a charge made on this replica wakes it; the poll covers other replicas
 * @param maxBackoff        the longest wait between two delivery attempts of one webhook
 * @param autoStartup       whether the sandbox's worker runs in the background (tests drive it by hand)
 * @param tokenLifetime     how long a card token may wait to be used
 */
@Validated
@ConfigurationProperties("boxoffice.payment.sandbox")
public record SandboxProperties(
        @Nullable String webhookSecret,
        @DefaultValue List<String> webhookPreviousSecrets,
        @Nullable URI webhookUrl,
        @DurationMin(millis = 0) @DefaultValue("300ms") Duration confirmDelay,
        @DurationMin(millis = 0) @DefaultValue("5s") Duration slowConfirmDelay,
        @DurationMin(millis = 0) @DefaultValue("1s") Duration outOfOrderGap,
        @DurationMin(millis = 1) @DefaultValue("5m") Duration tolerance,
        @DurationMin(millis = 1) @DefaultValue("2s") Duration pollInterval,
        @DurationMin(millis = 1) @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("true") boolean autoStartup,
        @DurationMin(millis = 1) @DefaultValue("15m") Duration tokenLifetime) {
}
