package org.boxoffice.analytics.report.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
    }

    @Test
    void writesNumbersAsTheyAreEvenWhenNegative() {
        assertThat(new Csv().row(List.of(-5L, "-5")).toString()).isEqualTo("-5,'-5\r\n");
    }
}
