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

/** The services' {@link AotCache}s for one run: which are used, and training the stale ones when asked. */
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
     * The arguments that start each service from its AOT cache. {@code BOXOFFICE_AOT}: {@code auto} (the default)
     * uses a cache trained on the current jar with the same JVM options and starts the others from their jar;
     * {@code train} first trains the caches that are missing or stale, two at a time ({@code ./run.sh} asks for it
     * after it built); {@code off} starts every service from its jar. A failed training falls back to the jar.
     */
    Map<String, List<String>> launchArguments(String java, List<String> jvmOptions,
            Map<String, Map<String, String>> environments) throws IOException, InterruptedException {
        Map<String, List<String>> launch = new ConcurrentHashMap<>();
        String mode = System.getenv().getOrDefault("BOXOFFICE_AOT", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            return launch;
        }
        Map<String, AotCache> stale = new LinkedHashMap<>();
        for (Map.Entry<String, Path> service : jars.entrySet()) {
            AotCache cache = new AotCache(state, service.getKey(), service.getValue());
            if (cache.fresh(jvmOptions)) {
                launch.put(service.getKey(), cache.launchArguments());
            } else {
                stale.put(service.getKey(), cache);
            }
        }
        if (stale.isEmpty() || !mode.equals("train")) {
            return launch;
        }
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
        return launch;
    }
}
