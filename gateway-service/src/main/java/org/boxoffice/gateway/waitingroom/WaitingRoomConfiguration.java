package org.boxoffice.gateway.waitingroom;

import java.util.Optional;

import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.admission.PassKeyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The waiting room's settings, its clock, and the pass key the gateway signs with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ WaitingRoomProperties.class, PassKeyProperties.class })
class WaitingRoomConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WaitingRoomConfiguration.class);

    /** Signs passes; absent without {@code BOXOFFICE_WAITING_ROOM_PASS_KEY}, and then every waiting room is closed. */
    record PassSigner(Optional<AdmissionPasses> passes) {
    }

    @Bean
    PassSigner waitingRoomPassSigner(PassKeyProperties keys) {
        Optional<AdmissionPasses> passes = AdmissionPasses.from(keys);
        if (passes.isEmpty()) {
            log.warn("No waiting room pass key (BOXOFFICE_WAITING_ROOM_PASS_KEY): events with a waiting room "
                    + "cannot be joined, and holds on them are refused");
        }
        return new PassSigner(passes);
    }
}
