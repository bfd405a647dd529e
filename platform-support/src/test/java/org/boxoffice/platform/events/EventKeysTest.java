package org.boxoffice.platform.events;

import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventKeysTest {

    @Test
    void derivesThePublicKeyOfAPrivateKeySoThatItsSignaturesVerify() throws Exception {
        KeyPair pair = EventKeys.generate();

        var derived = EventKeys.publicKeyOf(EventKeys.privateKey(EventKeys.encode(pair.getPrivate())));

        assertThat(derived.getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(pair.getPrivate());
        signature.update(new byte[] { 1, 2, 3 });
        byte[] signed = signature.sign();
        signature.initVerify(derived);
        signature.update(new byte[] { 1, 2, 3 });
        assertThat(signature.verify(signed)).isTrue();
    }

    @Test
    void readsPemKeysAsOpensslWritesThem() {
        KeyPair pair = EventKeys.generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String publicPem = "-----BEGIN PUBLIC KEY-----\n" + EventKeys.encode(pair.getPublic()) + "\n-----END PUBLIC KEY-----";

        assertThat(EventKeys.privateKey(pem).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(EventKeys.publicKey(publicPem).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void refusesWhatIsNotAnEd25519Key() {
        assertThatIllegalArgumentException().isThrownBy(() -> EventKeys.privateKey("not a key"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventKeys.publicKey(""));
        assertThatIllegalArgumentException().isThrownBy(() -> EventKeys.publicKey(
                EventKeys.encode(EventKeys.generate().getPrivate())));
    }

    @Test
    void keyIdsDifferPerKeyAndStayTheSameForOneKey() {
        KeyPair one = EventKeys.generate();
        KeyPair two = EventKeys.generate();

        assertThat(EventKeys.keyId(one.getPublic())).isEqualTo(EventKeys.keyId(EventKeys.publicKeyOf(one.getPrivate())))
                .isNotEqualTo(EventKeys.keyId(two.getPublic())).hasSize(16);
    }

    @Test
    void theSignedBytesChangeWhenTextMovesFromOneFieldToTheNext() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var one = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "ab", Map.of(), "{}");
        var two = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a", Map.of("traceparent", "b"), "{}");
        var three = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a", Map.of("tracestate", "b"), "{}");
        var four = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a", Map.of("tracestat", "eb"), "{}");

        assertThat(EventKeys.signedBytes(one)).isNotEqualTo(EventKeys.signedBytes(two));
        assertThat(EventKeys.traceSignedBytes(three)).isNotEqualTo(EventKeys.traceSignedBytes(four));
    }

    @Test
    void tracestateAndBaggageAreSignedApartSoAConsumerThatPredatesThemStillVerifiesTheEvent() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        var published = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a",
                Map.of("traceparent", "00-t-s-01", "tracestate", "v=1", "baggage", "tenant=acme"), "{}");
        var asAnOlderConsumerReadsIt = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a",
                Map.of("traceparent", "00-t-s-01"), "{}");
        var withOtherBaggage = new EventEnvelope(id, "SeatHeld", 1, at, "booking-service", "a",
                Map.of("traceparent", "00-t-s-01", "tracestate", "v=1", "baggage", "tenant=other"), "{}");

        assertThat(EventKeys.signedBytes(published)).isEqualTo(EventKeys.signedBytes(asAnOlderConsumerReadsIt));
        assertThat(EventKeys.traceSignedBytes(published)).isNotEqualTo(EventKeys.traceSignedBytes(withOtherBaggage));
    }

    @Test
    void anEventWithOnlyATraceparentSignsTheBytesItSignedBeforeOtherTraceFieldsWereCarried() {
        var event = new EventEnvelope(UUID.fromString("6f1c7e4a-2b1d-4c3e-9f00-000000000001"), "SeatHeld", 1,
                Instant.parse("2026-12-01T10:00:00Z"), "booking-service", "ab", Map.of("traceparent", "00-t-s-01"),
                "{}");

        assertThat(new String(EventKeys.signedBytes(event), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("""
                boxoffice-event-v1
                36:6f1c7e4a-2b1d-4c3e-9f00-000000000001
                8:SeatHeld
                1:1
                20:2026-12-01T10:00:00Z
                15:booking-service
                2:ab
                9:00-t-s-01
                2:{}
                """);
    }

    @Test
    void aTraceFieldCannotTakeTheNameOfAnEnvelopeField() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventEnvelope(UUID.randomUUID(), "SeatHeld", 1,
                Instant.now(), "booking-service", "a", Map.of("payload", "{}"), "{}")).withMessageContaining("payload");
    }
}
