package org.boxoffice.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.boxoffice.platform.infra.Infrastructure;
import org.boxoffice.platform.infra.PostgresServer;

/**
 * The whole platform for the journeys: the local launcher ({@code PlatformLauncher}, what {@code ./run.sh --no-build}
 * runs) started from this module's class path on the jars the build just packaged, or a platform that is already
 * running when {@code -Dboxoffice.web.url} names it (developing the pages against {@code ./run.sh}).
 */
final class LocalPlatform implements AutoCloseable {
    // The launched platform works in a database of its own on the PostgreSQL the tests use (BOXOFFICE_DB_URL, the
    // machine's own, or an embedded one), created before the start and dropped after the stop.

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("boxoffice.startup-seconds", 960));

    final String url;
    final String demoPassword;
    private final Process launcher;
    private final Infrastructure infrastructure;
    private final String database;

    private LocalPlatform(String url, String demoPassword, Process launcher, Infrastructure infrastructure,
            String database) {
        this.url = url;
        this.demoPassword = demoPassword;
        this.launcher = launcher;
        this.infrastructure = infrastructure;
        this.database = database;
    }

    static LocalPlatform start(Path root, Path log) throws IOException, InterruptedException {
        String running = System.getProperty("boxoffice.web.url", "");
        if (!running.isBlank()) {
            return new LocalPlatform(running.replaceAll("/$", ""), demoPassword(root), null, null, null);
        }
        if (Files.notExists(root.resolve("gateway-service/target")) ) {
            throw new IllegalStateException("No service jars under " + root + ": run the journeys from ./mvnw verify");
        }
        Files.createDirectories(log.getParent());
        // A database of its own, dropped afterwards: the journeys' venues and events stay out of ./run.sh's data.
        Infrastructure infrastructure = Infrastructure.discover(new Infrastructure.Options(true, false, false,
                log.getParent().resolve("infra"), message -> { }));
        PostgresServer postgres = infrastructure.postgres();
        String database = "boxoffice_browser_" + ProcessHandle.current().pid();
        postgres.createDatabase(database);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.boxoffice.platform.localrun.PlatformLauncher",
                root.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putIfAbsent("BOXOFFICE_AOT", "off");
        builder.environment().put("BOXOFFICE_DB_URL", postgres.database(database));
        builder.environment().put("BOXOFFICE_DB_USER", postgres.username());
        builder.environment().put("BOXOFFICE_DB_PASSWORD", postgres.password());
        // A CI machine busy with other builds starts six services slowly; the launcher's own limit is 300 s.
        builder.environment().putIfAbsent("BOXOFFICE_STARTUP_TIMEOUT", "900");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.contains("Boxoffice is running.")) {
                return new LocalPlatform("http://localhost:8080", demoPassword(root), process, infrastructure,
                        database);
            }
            if (!process.isAlive()) {
                release(infrastructure, database);
                throw new IllegalStateException("The platform did not start (exit " + process.exitValue() + "):\n"
                        + tail(output));
            }
            Thread.sleep(1000);
        }
        stop(process);
        release(infrastructure, database);
        throw new IllegalStateException("The platform was not ready after " + STARTUP.toSeconds() + " s:\n"
                + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }

    private static String demoPassword(Path root) throws IOException {
        String fromEnvironment = System.getenv("BOXOFFICE_DEMO_PASSWORD");
        return fromEnvironment != null ? fromEnvironment
                : Files.readString(root.resolve(".boxoffice/demo-password"), StandardCharsets.UTF_8).strip();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static void release(Infrastructure infrastructure, String database) {
        try {
            infrastructure.postgres().dropDatabase(database);
        } finally {
            infrastructure.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (launcher != null) {
            stop(launcher);
            release(infrastructure, database);
        }
    }
}
