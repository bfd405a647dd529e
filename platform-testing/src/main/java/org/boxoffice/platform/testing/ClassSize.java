package org.boxoffice.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * No main class (a production source file) is longer than {@link #MAX_LINES} lines: a class that big does more than
 * one thing, and is split by responsibility. Every service's architecture test runs {@link #check(Path)} over its
 * {@code src/main/java}; test support and tests are not checked.
 */
public final class ClassSize {

    public static final int MAX_LINES = 250;

    private ClassSize() {
    }

    /**
     * Throws an {@link AssertionError} naming every source file under {@code sources} longer than {@link #MAX_LINES}
     * lines. There is no allow-list: a class that grows past the limit is split in the change that grows it.
     */
    public static void check(Path sources) {
        List<Path> files = javaFiles(sources);
        if (files.isEmpty()) {
            throw new AssertionError("No Java sources under " + sources.toAbsolutePath());
        }
        StringBuilder failures = new StringBuilder();
        for (Path file : files) {
            long lines = lines(file);
            if (lines > MAX_LINES) {
                failures.append("\n  ").append(sources.relativize(file).toString().replace('\\', '/')).append(": ")
                        .append(lines).append(" lines");
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("Main classes are at most " + MAX_LINES + " lines; split them by responsibility:"
                    + failures);
        }
    }

    private static List<Path> javaFiles(Path sources) {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(sources)) {
            return walk.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
