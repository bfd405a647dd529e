package org.boxoffice.platform.localrun;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** The services' start, as the launcher reports it: progress every few seconds, and the log of one that fails. */
final class Startup {

    private final Path root;
    private final List<ServiceProcess> services;

    Startup(Path root, List<ServiceProcess> services) {
        this.root = root;
        this.services = services;
    }

    /** Polls every service until all are ready; false (after saying why) when one exits or time runs out. */
    boolean awaitReady(int timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        Set<String> ready = new LinkedHashSet<>();
        long lastReport = 0;
        int lastReady = -1;
        while (ready.size() < services.size()) {
            for (ServiceProcess service : services) {
                if (ready.contains(service.name())) {
                    continue;
                }
                if (!service.alive()) {
                    failStartup(service.name() + " exited with code " + service.exitCode() + " while starting.", service);
                    return false;
                }
                if (service.ready()) {
                    ready.add(service.name());
                }
            }
            long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            if (elapsed >= timeoutSeconds) {
                ServiceProcess late = services.stream().filter(s -> !ready.contains(s.name())).findFirst().orElseThrow();
                failStartup("Not ready after " + timeoutSeconds + "s: " + waiting(ready)
                        + ". Raise BOXOFFICE_STARTUP_TIMEOUT on a slow machine.", late);
                return false;
            }
            if (elapsed - lastReport >= 10 || ready.size() != lastReady) {
                lastReport = elapsed;
                lastReady = ready.size();
                System.out.printf("  [%3ds] ready %d/%d%s%n", elapsed, ready.size(), services.size(),
                        ready.size() == services.size() ? "" : " - waiting for " + waiting(ready));
            }
            Thread.sleep(500);
        }
        return true;
    }

    private String waiting(Set<String> ready) {
        return services.stream().map(ServiceProcess::name).filter(n -> !ready.contains(n)).collect(Collectors.joining(", "));
    }

    private void failStartup(String reason, ServiceProcess service) {
        System.err.println();
        System.err.println("Boxoffice did not start: " + reason);
        System.err.println("Last lines of " + root.relativize(service.log()) + ":");
        service.logTail(40).forEach(line -> System.err.println("  | " + line));
        System.err.println("Stopping the other services...");
    }
}
