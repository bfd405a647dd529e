package org.boxoffice.platform.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassSizeTest {

    @TempDir
    Path sources;

    @Test
    void rejectsAClassLongerThanTheLimit() throws IOException {
        write("org/example/Big.java", ClassSize.MAX_LINES + 1);
        write("org/example/Small.java", ClassSize.MAX_LINES);

        assertThatThrownBy(() -> ClassSize.check(sources))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("org/example/Big.java: 251 lines")
                .hasMessageNotContaining("Small.java");
    }

    @Test
    void refusesToPassWhenItFindsNoSources() {
        assertThatThrownBy(() -> ClassSize.check(sources.resolve("missing")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No Java sources");
    }

    private void write(String name, int lines) throws IOException {
        Path file = sources.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "//\n".repeat(lines));
    }
}
