package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The services' {@link AotCache}s for one run: which are used, training the stale ones when asked, and the extracted
 * jars every service starts from, with a cache or without.
 */
final class AotCaches {

    private final Path root;
    private final Path state;
    private final Map<String, Path> jars;

    /** @param jars each service's jar, in start order */
    AotCaches(Path root, Path state, Map<String, Path> jars) {
        this.root = root;
        this.state = state;
        this.jars = jars;
    }

    /**
     * The arguments that start each service, from its AOT cache where there is one. {@code BOXOFFICE_AOT}:
     * {@code auto} (the default) uses a cache trained on the current jar with the same JVM options and starts the
     * others from their extracted jars; {@code train} first trains the caches that are missing or stale, two at a time
     * ({@code ./run.sh} asks for it after it built); {@code off} starts every service from its extracted jars without
     * a cache. A service whose jar cannot be extracted starts from the jar itself.
     */
    Map<String, List<String>> launchArguments(String java, List<String> jvmOptions,
            Map<String, Map<String, String>> environments) throws IOException, InterruptedException {
        Map<String, List<String>> launch = new ConcurrentHashMap<>();
        String mode = System.getenv().getOrDefault("BOXOFFICE_AOT", "auto").toLowerCase(Locale.ROOT);
        Map<String, AotCache> stale = new LinkedHashMap<>();
        for (Map.Entry<String, Path> service : jars.entrySet()) {
            AotCache cache = new AotCache(state, service.getKey(), service.getValue());
            if (!mode.equals("off") && cache.fresh(jvmOptions)) {
                launch.put(service.getKey(), cache.launchArguments());
            } else {
                stale.put(service.getKey(), cache);
            }
        }
        if (mode.equals("train") && !stale.isEmpty()) {
            train(java, jvmOptions, environments, stale, launch);
        }
        for (Map.Entry<String, AotCache> entry : stale.entrySet()) {
            if (launch.containsKey(entry.getKey())) {
                continue;
            }
            AotCache cache = entry.getValue();
            Path log = state.resolve("logs").resolve(entry.getKey() + "-extract.log");
            if (cache.extracted() || cache.extract(java, environments.get(entry.getKey()), log, 120)) {
                launch.put(entry.getKey(), cache.plainArguments());
            } else {
                System.out.println("  " + entry.getKey() + ": its jar could not be extracted, starting it from the jar"
                        + " (log: " + root.relativize(log) + ")");
            }
        }
        return launch;
    }

    private void train(String java, List<String> jvmOptions, Map<String, Map<String, String>> environments,
            Map<String, AotCache> stale, Map<String, List<String>> launch) throws InterruptedException {
        PlatformLauncher.step("Training the JDK's AOT cache for " + String.join(", ", stale.keySet())
                + " (once per build, a minute or two; every later start takes a fraction of the time)");
        long started = System.nanoTime();
        Semaphore parallel = new Semaphore(2);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Map.Entry<String, AotCache> entry : stale.entrySet()) {
                executor.submit(() -> {
                    parallel.acquire();
                    try {
                        Path log = state.resolve("logs").resolve(entry.getKey() + "-aot-training.log");
                        if (entry.getValue().train(java, jvmOptions, environments.get(entry.getKey()), log, 300)) {
                            launch.put(entry.getKey(), entry.getValue().launchArguments());
                            System.out.printf("  [%3ds] %s trained%n", (System.nanoTime() - started) / 1_000_000_000,
                                    entry.getKey());
                        } else {
                            System.out.println("  " + entry.getKey() + ": training failed, starting it without the"
                                    + " cache (log: " + root.relativize(log) + ")");
                        }
                    } finally {
                        parallel.release();
                    }
                    return null;
                });
            }
        }
    }
}
