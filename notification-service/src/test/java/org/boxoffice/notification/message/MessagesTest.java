package org.boxoffice.notification.message;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts and times as buyers read them: minor units per currency, in the buyer's language and the event's zone. */
class MessagesTest {

    @Test
    void minorUnitsFollowTheCurrencysDecimalsAndTheBuyersLocale() {
        assertThat(Messages.money(4_550, "EUR", Locale.ENGLISH)).isEqualTo("€45.50");
        assertThat(Messages.money(4_550, "EUR", Locale.GERMAN)).isEqualTo("45,50\u00a0€");
        // Yen has no minor unit: 4550 is ¥4,550, not ¥45.50.
        assertThat(Messages.money(4_550, "JPY", Locale.ENGLISH)).isEqualTo("¥4,550");
        assertThat(Messages.money(1_234_567, "BHD", Locale.ENGLISH)).startsWith("BHD").endsWith("1,234.567");
    }

    @Test
    void eventTimesAreShownInTheEventsZone() {
        Instant start = Instant.parse("2026-12-24T20:00:00Z");
        assertThat(Messages.when(start, ZoneId.of("Europe/Berlin"), Locale.GERMAN))
                .isEqualTo("Donnerstag, 24. Dezember 2026, 21:00 (Europe/Berlin)");
        assertThat(Messages.when(start, ZoneId.of("America/New_York"), Locale.ENGLISH))
                .startsWith("Thursday, December 24, 2026").contains("3:00").endsWith("(America/New_York)");
    }

    @Test
    void anOrderIsReferredToByTheFirstEightCharactersOfItsId() {
        assertThat(Messages.reference(UUID.fromString("501afc24-0000-4000-8000-000000000001"))).isEqualTo("501AFC24");
    }

    @Test
    void aTicketsQrCodeCarriesItsPayload() throws Exception {
        var image = org.boxoffice.platform.pdf.QrCodes.image("BXT1.TK-1.sig", 400);
        var text = new com.google.zxing.qrcode.QRCodeReader().decode(new com.google.zxing.BinaryBitmap(
                new com.google.zxing.common.HybridBinarizer(
                        new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)))).getText();
        assertThat(text).isEqualTo("BXT1.TK-1.sig");
    }
}
