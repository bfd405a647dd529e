package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ChartLintTest {

    static Stream<String> charts() {
        return Stream.concat(Stream.of("boxoffice-lib", "boxoffice"), Charts.SERVICES.stream());
    }

    @ParameterizedTest
    @MethodSource("charts")
    void chartPassesStrictLint(String chart) {
        LintResult result = new Helm(Charts.HELM_DIR.resolve(chart)).lint().strict().call();

        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }
}
