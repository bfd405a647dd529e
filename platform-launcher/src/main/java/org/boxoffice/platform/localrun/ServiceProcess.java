package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One service of the local run: its jar, its port, its log file and, once started, its process and the command that
 * started it, so that the {@link Supervisor} can start it again the same way when it dies.
 */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final int probePort;
    private final Path jar;
    private final Path log;
    private @Nullable Process process;
    private List<String> command = List.of();
    private Map<String, String> environment = Map.of();

    /** {@code probePort}: where {@code /readyz} answers (the service's port, or its management port). */
    ServiceProcess(String name, int port, int probePort, Path jar, Path log) {
        this.name = name;
        this.port = port;
        this.probePort = probePort;
        this.jar = jar;
        this.log = log;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path jar() {
        return jar;
    }

    Path log() {
        return log;
    }

    /**
     * Starts the service: {@code launch} is what follows the JVM options, {@code -jar} and its extracted jar with or
     * without the AOT cache ({@link AotCache#launchArguments()}, {@link AotCache#plainArguments()}), or {@code -jar
     * <jar>} when it could not be extracted.
     */
    void start(String java, List<String> jvmOptions, List<String> launch, Map<String, String> environment)
            throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(launch);
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        process = launch(ProcessBuilder.Redirect.to(log.toFile()));
    }

    /**
     * Starts the service again with the command and environment of {@link #start}, its output appended to the same
     * log (the lines before its death stay there). Only for a service that is not alive.
     */
    void restart() throws IOException {
        if (command.isEmpty() || alive()) {
            throw new IllegalStateException(name + " was never started or is still running");
        }
        process = launch(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private Process launch(ProcessBuilder.Redirect output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The operating system's id of the current process, or -1 before the first start. */
    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int exitCode() {
        return process == null ? -1 : process.exitValue();
    }

    /** True when the service answers its readiness probe with 200. */
    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/readyz"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to shut down gracefully (SIGTERM). */
    void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the process to end, killing it once the deadline passes. */
    void awaitStop(long deadlineNanos) throws InterruptedException {
        if (process == null) {
            return;
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (!process.waitFor(Math.max(remaining, 0), TimeUnit.NANOSECONDS)) {
            System.out.println("  " + name + " did not stop in time: killing it");
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the service's log, for a startup failure report. */
    List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(no log at " + log + ": " + e.getMessage() + ")");
        }
    }
}
