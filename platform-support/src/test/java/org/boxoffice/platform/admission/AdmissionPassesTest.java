package org.boxoffice.platform.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.admission.AdmissionPasses.Check;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdmissionPassesTest {

    private static final String KEY = "k".repeat(16) + "0123456789abcdef";
    private static final String NEXT_KEY = "next-key-of-the-rotation-0123456789";
    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

    private final AdmissionPasses passes = new AdmissionPasses(KEY, null);
    private final UUID account = UUID.randomUUID();
    private final UUID event = UUID.randomUUID();
    private final String pass = passes.sign(new AdmissionPass(account, event, NOW.plus(Duration.ofMinutes(10))));

    @Test
    void acceptsItsPassForTheAccountAndEventItWasIssuedFor() {
        assertThat(passes.check(pass, account, event, NOW)).isEqualTo(Check.VALID);
        assertThat(passes.read(pass)).hasValue(new AdmissionPass(account, event, NOW.plusSeconds(600)));
    }

    @Test
    void signsTheSamePassIdenticallySoAnyReplicaCanHandItOutAgain() {
        AdmissionPasses otherReplica = new AdmissionPasses(KEY, null);

        assertThat(otherReplica.sign(new AdmissionPass(account, event, NOW.plusSeconds(600)))).isEqualTo(pass);
    }

    @Test
    void refusesThePassOfAnotherAccountOrAnotherEvent() {
        assertThat(passes.check(pass, UUID.randomUUID(), event, NOW)).isEqualTo(Check.OTHER_ACCOUNT);
        assertThat(passes.check(pass, account, UUID.randomUUID(), NOW)).isEqualTo(Check.OTHER_EVENT);
    }

    @Test
    void refusesAPassFromTheMomentItExpires() {
        assertThat(passes.check(pass, account, event, NOW.plusSeconds(599))).isEqualTo(Check.VALID);
        assertThat(passes.check(pass, account, event, NOW.plusSeconds(600))).isEqualTo(Check.EXPIRED);
    }

    @Test
    void refusesAPassWhoseAccountEventOrExpiryWasChanged() {
        String[] parts = pass.split("\\.");
        String otherAccount = String.join(".", parts[0], parts[1], UUID.randomUUID().toString(), parts[3], parts[4], parts[5]);
        String otherEvent = String.join(".", parts[0], parts[1], parts[2], UUID.randomUUID().toString(), parts[4], parts[5]);
        String later = String.join(".", parts[0], parts[1], parts[2], parts[3], Long.toString(Long.parseLong(parts[4]) + 3600), parts[5]);

        assertThat(passes.check(otherAccount, UUID.fromString(otherAccount.split("\\.")[2]), event, NOW))
                .isEqualTo(Check.BAD_SIGNATURE);
        assertThat(passes.check(otherEvent, account, UUID.fromString(otherEvent.split("\\.")[3]), NOW))
                .isEqualTo(Check.BAD_SIGNATURE);
        assertThat(passes.check(later, account, event, NOW)).isEqualTo(Check.BAD_SIGNATURE);
        assertThat(passes.read(later)).isEmpty();
    }

    @Test
    void refusesAPassSignedWithAnotherKey() {
        String forged = new AdmissionPasses("an-attacker-guessing-the-key-0123456789", null)
                .sign(new AdmissionPass(account, event, NOW.plusSeconds(600)));

        assertThat(passes.check(forged, account, event, NOW)).isEqualTo(Check.UNKNOWN_KEY);
    }

    @Test
    void refusesAForgedSignatureUnderTheRightKeyId() {
        String[] parts = pass.split("\\.");
        String forged = pass.substring(0, pass.lastIndexOf('.') + 1) + "A".repeat(43);

        assertThat(parts[5]).hasSize(43);
        assertThat(passes.check(forged, account, event, NOW)).isEqualTo(Check.BAD_SIGNATURE);
    }

    @Test
    void refusesAnythingThatIsNotAPass() {
        for (String garbage : new String[] { null, "", "wr1", "x".repeat(300), pass + ".", pass.toUpperCase(),
                pass.replace("wr1.", "wr2."), "wr1.00000000." + account + "." + event + ".1.sig" }) {
            assertThat(passes.check(garbage, account, event, NOW)).as(String.valueOf(garbage)).isEqualTo(Check.MALFORMED);
        }
    }

    @Test
    void acceptsPassesOfThePreviousKeyDuringARotationButSignsWithTheNewOne() {
        AdmissionPasses rotated = new AdmissionPasses(NEXT_KEY, KEY);
        String fresh = rotated.sign(new AdmissionPass(account, event, NOW.plusSeconds(600)));

        assertThat(rotated.check(pass, account, event, NOW)).isEqualTo(Check.VALID);
        assertThat(fresh).isNotEqualTo(pass);
        assertThat(passes.check(fresh, account, event, NOW)).as("the old key alone does not know the new one")
                .isEqualTo(Check.UNKNOWN_KEY);
    }

    @Test
    void wantsAKeyOfAtLeast32Characters() {
        assertThatThrownBy(() -> new AdmissionPasses("short", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BOXOFFICE_WAITING_ROOM_PASS_KEY");
        assertThat(AdmissionPasses.from(new PassKeyProperties("", null))).isEmpty();
        assertThat(AdmissionPasses.from(new PassKeyProperties(KEY, ""))).isPresent();
    }

    @Test
    void namesRefusalsAsClientsReadThem() {
        assertThat(Check.OTHER_ACCOUNT.slug()).isEqualTo("other-account");
    }
}
