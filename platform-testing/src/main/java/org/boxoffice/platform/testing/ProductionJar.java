package org.boxoffice.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import org.jspecify.annotations.Nullable;

/**
 * A service's packaged jar (the Spring Boot jar the build ships) carries no test code: not this module's classes
 * ({@code org.boxoffice.platform.testing}, the infrastructure discovery {@code org.boxoffice.platform.infra}), not the
 * local launcher, and no JUnit, AssertJ, Mockito or ArchUnit — neither among its own classes nor in any jar nested in
 * {@code BOOT-INF/lib}. {@link ServiceContract} checks the jar of the build it runs in.
 */
public final class ProductionJar {

    /** The system property naming the jar; the root pom's Failsafe configuration sets it to the module's jar. */
    public static final String PROPERTY = "boxoffice.artifact";

    /** Package paths whose classes are test code wherever they appear. */
    static final List<String> TEST_PACKAGES = List.of(
            "org/boxoffice/platform/testing/", "org/boxoffice/platform/infra/", "org/boxoffice/platform/localrun/",
            "org/junit/", "org/assertj/", "org/mockito/", "com/tngtech/archunit/");

    private ProductionJar() {
    }

    /** The jar this build packaged, or null when the test runs outside Maven (no {@value #PROPERTY}). */
    public static @Nullable Path ofThisBuild() {
        String path = System.getProperty(PROPERTY, "");
        return path.isBlank() ? null : Path.of(path);
    }

    /** Throws an {@link AssertionError} naming every nested jar and package of test code found in {@code jar}. */
    public static void assertCarriesNoTestCode(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("No packaged jar at " + jar + ": the check runs after the package phase");
        }
        List<String> found = testCodeIn(jar);
        if (!found.isEmpty()) {
            throw new AssertionError(jar.getFileName() + " carries test code (a test-support module or test library "
                    + "on the compile or runtime class path; give it <scope>test</scope>):\n  "
                    + String.join("\n  ", found));
        }
    }

    /** Each place test code was found, as {@code <nested jar>!/<package>} or {@code <package>}, once each. */
    static List<String> testCodeIn(Path jar) throws IOException {
        Set<String> found = new LinkedHashSet<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (name.endsWith(".jar")) {
                    try (InputStream nested = file.getInputStream(entry)) {
                        scanNested(name, nested, found);
                    }
                } else {
                    testPackageOf(stripBootClasses(name)).ifPresent(found::add);
                }
            }
        }
        return new ArrayList<>(found);
    }

    private static void scanNested(String jarName, InputStream in, Set<String> found) throws IOException {
        try (JarInputStream nested = new JarInputStream(in)) {
            for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
                String where = jarName;
                testPackageOf(entry.getName()).ifPresent(pkg -> found.add(where + "!/" + pkg));
            }
        }
    }

    private static java.util.Optional<String> testPackageOf(String entry) {
        if (!entry.endsWith(".class")) {
            return java.util.Optional.empty();
        }
        return TEST_PACKAGES.stream().filter(entry::startsWith).findFirst();
    }

    private static String stripBootClasses(String name) {
        return name.startsWith("BOOT-INF/classes/") ? name.substring("BOOT-INF/classes/".length()) : name;
    }
}
