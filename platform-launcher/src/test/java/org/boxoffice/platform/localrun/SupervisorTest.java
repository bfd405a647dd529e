package org.boxoffice.platform.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local run's supervisor on real child processes: one killed with SIGKILL (as the chaos run kills a service) is
 * started again with its command, and one that keeps dying is restarted after a back-off that doubles.
 */
class SupervisorTest {

    @TempDir
    Path root;

    private final List<String> reported = new CopyOnWriteArrayList<>();
    private ServiceProcess service;

    @AfterEach
    void stopChild() throws InterruptedException {
        if (service != null) {
            service.requestStop();
            service.awaitStop(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
    }

    @Test
    void aServiceKilledWithSigkillIsStartedAgainWithItsCommandAndTheRestartIsReported() throws Exception {
        service = started("sleeper", "sleep", "300");
        long firstPid = service.pid();
        Supervisor supervisor = supervisor(true);
        supervisor.check();

        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly(); // SIGKILL
        ProcessHandle.of(firstPid).ifPresent(p -> p.onExit().join());
        checkUntil(supervisor, () -> service.alive(), 200);

        assertThat(service.pid()).as("a new process").isNotEqualTo(firstPid);
        assertThat(ProcessHandle.of(service.pid()).orElseThrow().info().commandLine().orElse(""))
                .as("started with the command it was first started with").contains("sleep").contains("300");
        assertThat(reported).anyMatch(line -> line.startsWith("sleeper stopped unexpectedly (exit 137)"))
                .anyMatch(line -> line.contains("restarting sleeper in 50 ms (restart 1 in a row)"))
                .anyMatch(line -> line.startsWith("sleeper restarted (pid " + service.pid() + ")"));
    }

    @Test
    void aServiceThatKeepsDyingIsRestartedAfterABackOffThatDoublesUpToTheMaximum() throws Exception {
        service = started("crasher", "false");
        Supervisor supervisor = supervisor(true);

        checkUntil(supervisor, () -> reported.stream().filter(l -> l.contains("restarting crasher in")).count() >= 4,
                2_000);

        assertThat(reported.stream().filter(l -> l.contains("restarting crasher in")).limit(4).toList())
                .containsExactly("  restarting crasher in 50 ms (restart 1 in a row)",
                        "  restarting crasher in 100 ms (restart 2 in a row)",
                        "  restarting crasher in 200 ms (restart 3 in a row)",
                        "  restarting crasher in 200 ms (restart 4 in a row)");
    }

    @Test
    void withRestartingOffADeathIsOnlyReported() throws Exception {
        service = started("sleeper", "sleep", "300");
        long pid = service.pid();
        Supervisor supervisor = supervisor(false);

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        for (int i = 0; i < 5; i++) {
            supervisor.check();
            Thread.sleep(60);
        }

        assertThat(service.alive()).isFalse();
        assertThat(service.pid()).isEqualTo(pid);
        assertThat(reported).filteredOn(line -> line.contains("stopped unexpectedly")).hasSize(1);
        assertThat(reported).contains("  not restarting it (BOXOFFICE_RESTART=off)");
    }

    private ServiceProcess started(String name, String command, String... arguments) throws Exception {
        ServiceProcess process = new ServiceProcess(name, 1, 1, root.resolve(name + ".jar"),
                root.resolve("logs").resolve(name + ".log"));
        process.start(command, List.of(), List.of(arguments), Map.of());
        return process;
    }

    private Supervisor supervisor(boolean restarting) {
        return new Supervisor(root, List.of(service), restarting, Duration.ofMillis(50), Duration.ofMillis(200),
                Duration.ofMinutes(1), reported::add);
    }

    /** Runs the supervisor's rounds, as the launcher's watch loop does, until {@code done} (at most {@code rounds}). */
    private static void checkUntil(Supervisor supervisor, java.util.function.BooleanSupplier done, int rounds)
            throws InterruptedException {
        for (int i = 0; i < rounds && !done.getAsBoolean(); i++) {
            supervisor.check();
            Thread.sleep(20);
        }
    }
}
