package org.boxoffice.platform.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSizeTest {

    @TempDir
    Path sources;

    @Test
    void rejectsAClassLongerThanTheLimit() throws IOException {
        write("org/example/Big.java", ClassSize.MAX_LINES + 1);
        write("org/example/Small.java", ClassSize.MAX_LINES);

        assertThatThrownBy(() -> ClassSize.check(sources, Map.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org/example/Big.java: 251 lines")
                .hasMessageNotContaining("Small.java");
    }

    @Test
    void acceptsAnAllowedClassUntilItIsSmallEnough() throws IOException {
        write("org/example/Big.java", ClassSize.MAX_LINES + 1);
        write("org/example/Shrunk.java", 10);

        assertThatCode(() -> ClassSize.check(sources, Map.of("org/example/Big.java", "being changed elsewhere")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ClassSize.check(sources, Map.of("org/example/Big.java", "being changed elsewhere",
                "org/example/Shrunk.java", "was too long")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org/example/Shrunk.java: 10 lines, within the limit now");
    }

    @Test
    void refusesToPassWhenItFindsNoSources() {
        assertThatThrownBy(() -> ClassSize.check(sources.resolve("missing"), Map.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No Java sources");
    }

    private void write(String name, int lines) throws IOException {
        Path file = sources.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "//\n".repeat(lines));
    }
}
