package org.boxoffice.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 4180 quoting and the formula guard of every CSV export (booking's answers, analytics' sales). */
class CsvTest {

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaks() {
        String csv = new Csv().row(List.of("plain", "a,b", "say \"hi\"", "two\nlines", 42L)).toString();

        assertThat(csv).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",42\r\n");
    }

    @Test
    void defusesTextASpreadsheetWouldRunAsAFormula() {
        assertThat(Csv.text("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.text("+1")).isEqualTo("'+1");
        assertThat(Csv.text("@sum")).isEqualTo("'@sum");
        assertThat(Csv.text("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Csv.text("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.text("a=1")).isEqualTo("a=1");
        assertThat(Csv.text("")).isEmpty();
    }

    @Test
    void writesNumbersAsTheyAreEvenWhenNegative() {
        assertThat(new Csv().row(List.of(-5L, "-5")).toString()).isEqualTo("-5,'-5\r\n");
    }
}
