package org.boxoffice.platform.events;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may put events on the bus (docs/events.md, "Trust"). Every service signs what it publishes with its own
 * Ed25519 key and acts only on events that verify against the producer's public key.
 *
 * @param privateKey    this service's signing key, PKCS#8 as PEM or base64 ({@code BOXOFFICE_EVENTS_SIGNING_KEY});
 *                      required: without it the service does not start
 * @param trustedKeys   the producers this service accepts events from, {@code <producer>=<source>} separated by commas
 *                      or white space; a source is a base64 X.509 public key (several entries for one producer are
 *                      allowed: rotation) or the URL of the producer's {@code /.well-known/event-keys}
 *                      ({@code BOXOFFICE_EVENTS_TRUSTED_KEYS}); every producer the service reads must be listed
 * @param publishedKeys public keys published beside the signing key, comma separated base64 X.509: the previous key
 *                      after a rotation, for as long as events it signed may still be read
 * @param keyRefresh    at most one fetch of a producer's keys per this interval
 * @param keyFetchTimeout how long one fetch may take
 */
@Validated
@ConfigurationProperties("boxoffice.events.signing")
public record EventSigningProperties(
        @Nullable String privateKey,
        @DefaultValue("") String trustedKeys,
        @DefaultValue("") String publishedKeys,
        @DurationMin(millis = 1) @DefaultValue("30s") Duration keyRefresh,
        @DurationMin(millis = 1) @DefaultValue("2s") Duration keyFetchTimeout) {
}
