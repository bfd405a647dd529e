package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Restarts a service of the local run that died, as Kubernetes restarts a crashed container: it reports the death (exit
 * code and the last lines of the log), waits a back-off that doubles with every restart of that service in a row (from
 * {@code firstBackoff} up to {@code maxBackoff}; back to the first once the service has stayed up for
 * {@code stableAfter}), starts it again with the command and environment it was first started with, and reports when
 * it answers its readiness probe again. With restarting off ({@code BOXOFFICE_RESTART=off}) a death is only reported.
 *
 * <p>Not thread-safe: the launcher calls {@link #check} from its one watching thread, never while it shuts down.
 */
final class Supervisor {

    /** {@code BOXOFFICE_RESTART}: {@code on} (the default) or {@code off}. */
    static final String SWITCH = "BOXOFFICE_RESTART";

    private final Path root;
    private final List<ServiceProcess> services;
    private final boolean restarting;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration stableAfter;
    private final Consumer<String> report;
    private final Map<String, State> states = new HashMap<>();

    /** What the supervisor knows of one service. */
    private static final class State {
        int restartsInARow;
        long startedAt;
        long diedAt;
        /** When the planned restart is due (System.nanoTime), or null when none is planned. */
        Long restartAt;
        boolean awaitingReady;
        /** Dead and, restarting being off, left so. */
        boolean leftDead;

        State(long now) {
            startedAt = now;
        }
    }

    Supervisor(Path root, List<ServiceProcess> services, boolean restarting, Duration firstBackoff, Duration maxBackoff,
            Duration stableAfter, Consumer<String> report) {
        this.root = root;
        this.services = services;
        this.restarting = restarting;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.stableAfter = stableAfter;
        this.report = report;
    }

    /** The local run's supervisor: back-off 1 s doubling up to 30 s, reset after a minute up; {@link #SWITCH}. */
    static Supervisor forLocalRun(Path root, List<ServiceProcess> services, Consumer<String> report) {
        boolean on = !"off".equalsIgnoreCase(System.getenv().getOrDefault(SWITCH, "on").trim());
        return new Supervisor(root, services, on, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
                report);
    }

    boolean restarting() {
        return restarting;
    }

    /** One look at every service: reports deaths, restarts those whose back-off is over, reports readiness. */
    void check() {
        long now = System.nanoTime();
        for (ServiceProcess service : services) {
            State state = states.computeIfAbsent(service.name(), name -> new State(now));
            if (service.alive()) {
                whileAlive(service, state, now);
            } else if (state.leftDead) {
                continue;
            } else if (state.restartAt == null) {
                died(service, state, now);
            } else if (now - state.restartAt >= 0) {
                restart(service, state, now);
            }
        }
    }

    private void whileAlive(ServiceProcess service, State state, long now) {
        if (state.awaitingReady && service.ready()) {
            state.awaitingReady = false;
            report.accept(service.name() + " is ready again, " + seconds(now - state.diedAt)
                    + " s after it stopped (restart " + state.restartsInARow + " in a row)");
        }
        if (!state.awaitingReady && state.restartsInARow > 0 && now - state.startedAt >= stableAfter.toNanos()) {
            state.restartsInARow = 0;
        }
    }

    private void died(ServiceProcess service, State state, long now) {
        report.accept(service.name() + " stopped unexpectedly (exit " + service.exitCode() + "). Last lines of "
                + relative(service.log()) + ":");
        service.logTail(20).forEach(line -> report.accept("  | " + line));
        if (!state.awaitingReady) {
            state.diedAt = now;
        }
        if (!restarting) {
            state.leftDead = true;
            report.accept("  not restarting it (" + SWITCH + "=off)");
            return;
        }
        Duration backoff = backoff(state.restartsInARow);
        state.restartAt = now + backoff.toNanos();
        report.accept("  restarting " + service.name() + " in " + backoff.toMillis() + " ms (restart "
                + (state.restartsInARow + 1) + " in a row)");
    }

    private void restart(ServiceProcess service, State state, long now) {
        try {
            service.restart();
            state.restartsInARow++;
            state.startedAt = now;
            state.restartAt = null;
            state.awaitingReady = true;
            report.accept(service.name() + " restarted (pid " + service.pid() + ")");
        } catch (IOException | IllegalStateException e) {
            Duration backoff = backoff(++state.restartsInARow);
            state.restartAt = now + backoff.toNanos();
            report.accept("  could not restart " + service.name() + " (" + e.getMessage() + "); trying again in "
                    + backoff.toMillis() + " ms");
        }
    }

    /** {@code firstBackoff} doubled once per restart in a row, at most {@code maxBackoff}. */
    Duration backoff(int restartsInARow) {
        Duration backoff = firstBackoff;
        for (int i = 0; i < restartsInARow && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    private String relative(Path log) {
        return log.startsWith(root) ? root.relativize(log).toString() : log.toString();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
