package org.boxoffice.platform.problem;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataRejectedTest {

    @Test
    void turnsDataExceptionsInto400AndConstraintViolationsInto409() {
        assertThat(DataRejected.from(wrapped("22001")).type()).isEqualTo(DataRejected.INVALID_VALUE);
        assertThat(DataRejected.from(wrapped("22003")).type().status()).isEqualTo(400);
        assertThat(DataRejected.from(wrapped("22P02")).type()).isEqualTo(DataRejected.INVALID_VALUE);
        assertThat(DataRejected.from(wrapped("23505")).type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(DataRejected.from(wrapped("23503")).type()).isEqualTo(ProblemType.CONFLICT);
        assertThat(DataRejected.from(wrapped("23502")).type()).isEqualTo(ProblemType.VALIDATION_FAILED);
    }

    @Test
    void leavesEverythingElseAFaultOfOurs() {
        assertThat(DataRejected.from(wrapped("08006"))).as("connection failure").isNull();
        assertThat(DataRejected.from(wrapped("40001"))).as("serialization failure").isNull();
        assertThat(DataRejected.from(new IllegalStateException("no SQL here"))).isNull();
    }

    @Test
    void speaksTheApisCamelCase() {
        assertThat(DataRejected.camelCase("display_name")).isEqualTo("displayName");
        assertThat(DataRejected.camelCase("email")).isEqualTo("email");
    }

    private static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("could not execute statement", new SQLException("ERROR: details", sqlState));
    }
}
