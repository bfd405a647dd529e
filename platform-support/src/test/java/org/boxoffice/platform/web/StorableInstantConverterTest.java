package org.boxoffice.platform.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StorableInstantConverterTest {

    private final StorableInstantConverter converter = new StorableInstantConverter();

    @Test
    void readsRfc3339DateTimes() {
        assertThat(converter.convert("2026-12-02T14:00:00Z")).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
        assertThat(converter.convert("2026-12-02T15:00:00.5+01:00")).isEqualTo(Instant.parse("2026-12-02T14:00:00.5Z"));
        assertThat(converter.convert("9999-12-31T23:59:59Z")).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void refusesInstantsNoDatabaseCanStoreAndNonsense() {
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("+1000000000-12-31T23:59:59Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("-999999999-01-01T00:00:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("2026-13-45T25:61:00Z"));
        assertThatIllegalArgumentException().isThrownBy(() -> converter.convert("not-a-date"));
    }

    @Test
    void refusesWhatSpringWouldReadAsSomethingElse() {
        // epoch milliseconds, RFC 1123, a date-time without its offset, a date alone
        for (String text : new String[] {"-1", "0", "1000000000", "Wed, 02 Dec 2026 14:00:00 GMT", "2026-12-02T14:00:00",
                "2026-12-02"}) {
            assertThatIllegalArgumentException().as(text).isThrownBy(() -> converter.convert(text));
        }
    }
}
