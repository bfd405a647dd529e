package org.boxoffice.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProductionJarTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAJarOfProductionClassesAndLibraries() throws IOException {
        Path jar = bootJar("clean.jar", nestedJar("org/springframework/core/SpringVersion.class"),
                "BOOT-INF/classes/org/boxoffice/user/UserApplication.class",
                "BOOT-INF/classes/org/boxoffice/user/testing/NotTestSupport.class");

        ProductionJar.assertCarriesNoTestCode(jar);
    }

    @Test
    void rejectsAJarThatNestsTheTestSupportModule() throws IOException {
        Path jar = bootJar("with-support.jar", nestedJar("org/boxoffice/platform/testing/TestTokens.class",
                "org/boxoffice/platform/infra/Infrastructure.class"),
                "BOOT-INF/classes/org/boxoffice/user/UserApplication.class");

        assertThatThrownBy(() -> ProductionJar.assertCarriesNoTestCode(jar))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("BOOT-INF/lib/library.jar!/org/boxoffice/platform/testing/")
                .hasMessageContaining("BOOT-INF/lib/library.jar!/org/boxoffice/platform/infra/");
    }

    @Test
    void rejectsJUnitAndAssertJNestedOrCopiedIntoTheClasses() throws IOException {
        Path jar = bootJar("with-libraries.jar", nestedJar("org/junit/jupiter/api/Test.class"),
                "BOOT-INF/classes/org/assertj/core/api/Assertions.class");

        assertThat(ProductionJar.testCodeIn(jar))
                .containsExactlyInAnyOrder("BOOT-INF/lib/library.jar!/org/junit/", "org/assertj/");
    }

    @Test
    void failsWhenThereIsNoJarToCheck() {
        assertThatThrownBy(() -> ProductionJar.assertCarriesNoTestCode(dir.resolve("missing.jar")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No packaged jar");
    }

    private Path bootJar(String name, byte[] nested, String... classes) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (String entry : classes) {
                zip.putNextEntry(new JarEntry(entry));
                zip.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
                zip.closeEntry();
            }
            zip.putNextEntry(new JarEntry("BOOT-INF/lib/library.jar"));
            zip.write(nested);
            zip.closeEntry();
        }
        return jar;
    }

    private static byte[] nestedJar(String... classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream zip = new JarOutputStream(bytes)) {
            for (String entry : classes) {
                zip.putNextEntry(new JarEntry(entry));
                zip.write(new byte[] { (byte) 0xCA, (byte) 0xFE });
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
