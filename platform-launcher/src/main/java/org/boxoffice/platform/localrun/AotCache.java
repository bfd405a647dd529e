package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service's JDK AOT cache (JEP 483, 514, 515): the classes it loads and links at start-up, and their early method
 * profiles, recorded once by a training run and mapped in by every later start, so the JVM starts in a fraction of
 * the time while still compiling with the full tiered JIT (C2). The cache needs the application as plain jars on a
 * fixed class path, so the service's jar is first extracted ({@code -Djarmode=tools extract}) under
 * {@code .boxoffice/aot/<service>/}. The training run starts the service's context with its real configuration and
 * data stores and exits before serving ({@code -Dspring.context.exit=onRefresh}). A cache older than the jar, or made
 * with other JVM options, is trained again; a JVM that cannot use a cache starts without it.
 *
 * <p>Without a cache the service still starts from the extracted jars ({@link #plainArguments()}), never from the
 * executable jar itself: Spring Boot's nested-jar class loader can hang a starting service whose virtual threads
 * load classes at the same moment (spring-projects/spring-boot#51379 and #51463; seen here as a booking-service that
 * never finished starting), and the images run the extracted layout too.
 */
final class AotCache {

    private final Path directory;
    private final Path jar;

    AotCache(Path state, String service, Path jar) {
        this.directory = state.resolve("aot").resolve(service);
        this.jar = jar;
    }

    private Path application() {
        return directory.resolve("app");
    }

    private Path extractedJar() {
        return application().resolve(jar.getFileName());
    }

    private Path cache() {
        return directory.resolve("app.aot");
    }

    private Path options() {
        return directory.resolve("jvm-options.txt");
    }

    /** Whether the cache was trained on this jar with these JVM options. */
    boolean fresh(List<String> jvmOptions) {
        try {
            return Files.exists(cache()) && Files.exists(extractedJar())
                    && Files.getLastModifiedTime(cache()).compareTo(Files.getLastModifiedTime(jar)) > 0
                    && Files.readString(options()).equals(String.join(" ", jvmOptions));
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Whether the extracted jars are those of the current jar. */
    boolean extracted() {
        try {
            return Files.exists(extractedJar())
                    && Files.getLastModifiedTime(extractedJar()).compareTo(Files.getLastModifiedTime(jar)) >= 0;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /** Extracts the jar again, dropping the cache trained on the previous one; true when it worked. */
    boolean extract(String java, Map<String, String> environment, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        deleteRecursively(directory);
        Files.createDirectories(directory);
        Files.createDirectories(log.getParent());
        return run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                application().toString()), environment, log, timeoutSeconds) == 0 && Files.exists(extractedJar());
    }

    /**
     * Extracts the jar and runs the training run; true when a cache was written. The training run's output goes to
     * {@code log}; it fails after {@code timeoutSeconds}.
     */
    boolean train(String java, List<String> jvmOptions, Map<String, String> environment, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        if (!extract(java, environment, log, timeoutSeconds)) {
            return false;
        }
        List<String> training = new ArrayList<>();
        training.add(java);
        training.addAll(jvmOptions);
        training.add("-XX:AOTCacheOutput=" + cache());
        training.add("-Dspring.context.exit=onRefresh");
        training.add("-jar");
        training.add(extractedJar().toString());
        boolean written = run(training, environment, log, timeoutSeconds) == 0 && Files.exists(cache());
        if (written) {
            Files.writeString(options(), String.join(" ", jvmOptions));
        }
        return written;
    }

    /** The JVM arguments that start the service from its extracted jar with the cache. */
    List<String> launchArguments() {
        return List.of("-XX:AOTCache=" + cache(), "-jar", extractedJar().toString());
    }

    /** The JVM arguments that start the service from its extracted jar without a cache. */
    List<String> plainArguments() {
        return List.of("-jar", extractedJar().toString());
    }

    private static int run(List<String> command, Map<String, String> environment, Path log, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
