package org.boxoffice.platform.admission;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The keys of the waiting room's passes, the same in gateway-service (which signs) and booking-service (which
 * checks): a secret of at least 32 characters ({@code BOXOFFICE_WAITING_ROOM_PASS_KEY}), and during a key rotation the
 * previous one ({@code BOXOFFICE_WAITING_ROOM_PREVIOUS_PASS_KEY}), still accepted but never used to sign.
 *
 * @param passKey         signs new passes and checks them; empty: the service cannot issue or accept passes
 * @param previousPassKey checks passes signed before a rotation; empty outside one
 */
@Validated
@ConfigurationProperties("boxoffice.waiting-room")
public record PassKeyProperties(@Nullable String passKey, @Nullable String previousPassKey) {
}
