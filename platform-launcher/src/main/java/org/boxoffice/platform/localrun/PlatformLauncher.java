package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.boxoffice.platform.events.EventKeys;
import org.boxoffice.platform.infra.Infrastructure;
import org.boxoffice.platform.infra.PostgresServer;
import org.boxoffice.platform.infra.RedisServer;
import org.boxoffice.platform.infra.Source;

/**
 * Runs the whole platform locally. Usage (normally through {@code ./run.sh}):
 * {@code java -cp ... PlatformLauncher [project-root]}.
 *
 * <p>PostgreSQL and Redis come from {@code BOXOFFICE_DB_URL}/{@code BOXOFFICE_REDIS_HOST}, else the machine's own
 * servers, else embedded ones whose data lives in {@code .boxoffice/data}. Services log to {@code .boxoffice/logs}.
 * JVM options for the services: {@code BOXOFFICE_JAVA_OPTS}. Startup timeout: {@code BOXOFFICE_STARTUP_TIMEOUT}
 * seconds (default 300).
 */
public final class PlatformLauncher {

    /** Service name and port, in the order they are reported. */
    static final Map<String, Integer> SERVICES = orderedMap(
            "user-service", 8081, "booking-service", 8082, "payment-service", 8083,
            "notification-service", 8084, "analytics-service", 8085, "gateway-service", 8080);

    /** The gateway serves probes and metrics on a port of its own, never on its public one. */
    static final int GATEWAY_MANAGEMENT_PORT = 8090;
    static final String DATABASE = "boxoffice";
    /**
     * The services' JVM options unless {@code BOXOFFICE_JAVA_OPTS} says otherwise: the full tiered JIT (C2) for
     * throughput, the throughput collector and a heap that is not resized under load; start-up stays short through
     * the AOT cache ({@link AotCache}).
     */
    static final String DEFAULT_JVM_OPTIONS = "-Xms256m -Xmx1g -XX:+UseParallelGC";
    /** The SMTP server notification-service starts in demo mode, where the local run's mail can be read. */
    static final int MAILBOX_PORT = 3025;
    static final String ADMIN_EMAIL = "admin@demo.boxoffice.dev";
    static final String ORGANIZER_EMAIL = "organizer@demo.boxoffice.dev";
    static final String BUYER_EMAIL = "buyer@demo.boxoffice.dev";

    private final Path root;
    private final Path state;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile @org.jspecify.annotations.Nullable Infrastructure infrastructure;

    private PlatformLauncher(Path root) {
        this.root = root;
        this.state = root.resolve(".boxoffice");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        // The embedded stores narrate their startup at INFO; the launcher reports progress itself.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int status = new PlatformLauncher(root).run();
        System.exit(status);
    }

    private int run() throws Exception {
        List<String> busy = new ArrayList<>(SERVICES.entrySet().stream().filter(e -> !portFree(e.getValue()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")").toList());
        if (!portFree(MAILBOX_PORT)) {
            busy.add("notification-service's demo mailbox (" + MAILBOX_PORT + ")");
        }
        if (!portFree(GATEWAY_MANAGEMENT_PORT)) {
            busy.add("gateway-service's management port (" + GATEWAY_MANAGEMENT_PORT + ")");
        }
        if (!busy.isEmpty()) {
            System.err.println("Ports in use: " + String.join(", ", busy)
                    + ". Is Boxoffice already running? Stop it (Ctrl-C in its terminal) or free the ports.");
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "boxoffice-shutdown"));

        step("Finding PostgreSQL and Redis");
        infrastructure = Infrastructure.discover(new Infrastructure.Options(true, true, false, state.resolve("data"),
                message -> System.out.println("  " + message)));
        PostgresServer postgres = infrastructure.postgres();
        RedisServer redis = infrastructure.redis();
        String databaseUrl = postgres.source() == Source.ENVIRONMENT ? postgres.jdbcUrl() : postgres.database(DATABASE);
        if (postgres.source() != Source.ENVIRONMENT) {
            postgres.createDatabase(DATABASE);
        }
        System.out.println("  PostgreSQL: " + databaseUrl + " (" + postgres.source().name().toLowerCase() + ")");
        System.out.println("  Redis:      " + redis);

        String demoPassword = demoPassword();
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("BOXOFFICE_DB_URL", databaseUrl);
        environment.put("BOXOFFICE_DB_USER", postgres.username());
        environment.put("BOXOFFICE_DB_PASSWORD", postgres.password());
        environment.put("BOXOFFICE_REDIS_HOST", redis.host());
        environment.put("BOXOFFICE_REDIS_PORT", Integer.toString(redis.port()));
        if (redis.password() != null) {
            environment.put("BOXOFFICE_REDIS_PASSWORD", redis.password());
        }
        environment.put("BOXOFFICE_DEMO_ENABLED", "true");
        environment.put("BOXOFFICE_DEMO_PASSWORD", demoPassword);
        environment.putIfAbsent("BOXOFFICE_ADMIN_EMAIL", ADMIN_EMAIL);
        environment.putIfAbsent("BOXOFFICE_ADMIN_PASSWORD", demoPassword);
        // The waiting room's passes are signed by the gateway and checked by booking-service: one key for both.
        environment.putIfAbsent("BOXOFFICE_WAITING_ROOM_PASS_KEY", randomKey());
        environment.put("BOXOFFICE_VERIFICATION_CODE_KEY", secret("verification-code-key", 64));
        Map<String, PrivateKey> eventKeys = eventKeys();
        environment.put("BOXOFFICE_EVENTS_TRUSTED_KEYS", eventKeys.entrySet().stream()
                .map(e -> e.getKey() + "=" + EventKeys.encode(EventKeys.publicKeyOf(e.getValue())))
                .collect(Collectors.joining(",")));

        step("Starting " + SERVICES.size() + " services (logs in " + root.relativize(state.resolve("logs")) + "/)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> jvmOptions = List.of(System.getenv().getOrDefault("BOXOFFICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS)
                .trim().split("\\s+"));
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            Map<String, String> own = new HashMap<>(environment);
            PrivateKey eventKey = eventKeys.get(service);
            if (eventKey != null) {
                own.put("BOXOFFICE_EVENTS_SIGNING_KEY", EventKeys.encode(eventKey));
            }
            environments.put(service, own);
        }
        Map<String, List<String>> launch = aotCaches(java, jvmOptions, environments);
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            int probePort = service.getKey().equals("gateway-service") ? GATEWAY_MANAGEMENT_PORT : service.getValue();
            ServiceProcess process = new ServiceProcess(service.getKey(), service.getValue(), probePort,
                    jar(service.getKey()), state.resolve("logs").resolve(service.getKey() + ".log"));
            process.start(java, jvmOptions, launch.getOrDefault(service.getKey(),
                    List.of("-jar", process.jar().toString())), environments.get(service.getKey()));
            services.add(process);
        }

        if (!awaitReady(Integer.parseInt(System.getenv().getOrDefault("BOXOFFICE_STARTUP_TIMEOUT", "300")))) {
            return 1;
        }
        printBanner(demoPassword, environment.get("BOXOFFICE_ADMIN_EMAIL"));
        watch();
        return 0;
    }

    /**
     * The arguments that start each service from its AOT cache. {@code BOXOFFICE_AOT}: {@code auto} (the default)
     * uses a cache trained on the current jar with the same JVM options and starts the others from their jar;
     * {@code train} first trains the caches that are missing or stale, two at a time ({@code ./run.sh} asks for it
     * after it built); {@code off} starts every service from its jar. A failed training falls back to the jar.
     */
    private Map<String, List<String>> aotCaches(String java, List<String> jvmOptions,
            Map<String, Map<String, String>> environments)
            throws IOException, InterruptedException {
        Map<String, List<String>> launch = new ConcurrentHashMap<>();
        String mode = System.getenv().getOrDefault("BOXOFFICE_AOT", "auto").toLowerCase(Locale.ROOT);
        if (mode.equals("off")) {
            return launch;
        }
        Map<String, AotCache> stale = new LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            AotCache cache = new AotCache(state, service, jar(service));
            if (cache.fresh(jvmOptions)) {
                launch.put(service, cache.launchArguments());
            } else {
                stale.put(service, cache);
            }
        }
        if (stale.isEmpty() || !mode.equals("train")) {
            return launch;
        }
        step("Training the JDK's AOT cache for " + String.join(", ", stale.keySet())
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

    private boolean awaitReady(int timeoutSeconds) throws InterruptedException {
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

    /** Blocks until Ctrl-C; reports a service that dies meanwhile. */
    private void watch() throws InterruptedException {
        Set<String> reported = new LinkedHashSet<>();
        while (!stopped.await(2, TimeUnit.SECONDS)) {
            for (ServiceProcess service : services) {
                if (!stopping && !service.alive() && reported.add(service.name())) {
                    System.err.println(service.name() + " stopped unexpectedly (exit " + service.exitCode()
                            + "). Last lines of " + root.relativize(service.log()) + ":");
                    service.logTail(20).forEach(line -> System.err.println("  | " + line));
                }
            }
        }
    }

    private void printBanner(String demoPassword, String adminEmail) {
        System.out.println();
        System.out.println("Boxoffice is running.");
        System.out.println("  Web:         http://localhost:8080/  (buyers; organizers: http://localhost:8080/#/admin)");
        System.out.println("  Gateway:     http://localhost:8080/api/v1/events");
        System.out.println("  Swagger UI:  http://localhost:8080/swagger-ui.html");
        System.out.println("  Demo logins (password " + demoPassword + "):");
        System.out.println("    admin      " + adminEmail);
        System.out.println("    organizer  " + ORGANIZER_EMAIL);
        System.out.println("    buyer      " + BUYER_EMAIL);
        System.out.println("  Sent mail:   GET http://localhost:8080/api/v1/admin/notifications/mailbox (as admin)");
        System.out.println("  Logs:        " + root.relativize(state.resolve("logs")) + "/<service>.log");
        System.out.println("Press Ctrl-C to stop everything.");
    }

    /** Stops the services (gracefully, then by force after 30 s) and whatever data stores this launcher started. */
    private void shutdown() {
        stopping = true;
        if (!services.isEmpty()) {
            step("Stopping " + services.size() + " services");
            services.forEach(ServiceProcess::requestStop);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (ServiceProcess service : services) {
                try {
                    service.awaitStop(deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        System.out.println("Boxoffice stopped.");
        stopped.countDown();
    }

    /** A random secret of this checkout, generated once and kept in {@code .boxoffice/<name>}. */
    private String secret(String name, int length) throws IOException {
        Path file = state.resolve(name);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < length; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(state);
        Files.writeString(file, secret + "\n");
        return secret.toString();
    }

    /** The demo password of this checkout: generated once, kept in .boxoffice so logins survive restarts. */
    private String demoPassword() throws IOException {
        Path file = state.resolve("demo-password");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Demo-");
        for (int i = 0; i < 12; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        Files.createDirectories(state);
        Files.writeString(file, password + "\n");
        return password.toString();
    }

    /** A secret for this run only: passes of an earlier run need not outlive it (they last minutes). */
    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return java.util.HexFormat.of().formatHex(key);
    }

    /**
     * Each service's event signing key (every service but the gateway has the event bus): generated once, kept in
     * {@code .boxoffice/event-keys}, so that events already on the streams still verify after a restart.
     */
    private Map<String, PrivateKey> eventKeys() throws IOException {
        Path dir = state.resolve("event-keys");
        Files.createDirectories(dir);
        Map<String, PrivateKey> keys = new java.util.LinkedHashMap<>();
        for (String service : SERVICES.keySet()) {
            if (service.equals("gateway-service")) {
                continue;
            }
            Path file = dir.resolve(service + ".key");
            if (!Files.exists(file)) {
                Files.writeString(file, EventKeys.encode(EventKeys.generate().getPrivate()) + "\n");
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the key stays readable by the file system's defaults
                }
            }
            keys.put(service, EventKeys.privateKey(Files.readString(file).trim()));
        }
        return keys;
    }

    private Path jar(String service) throws IOException {
        Path target = root.resolve(service).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().matches(service + "-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No jar in " + target
                            + ". Build first: ./mvnw -DskipTests package (./run.sh does this for you)."));
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void step(String message) {
        System.out.println("==> " + message);
    }

    private static Map<String, Integer> orderedMap(Object... entries) {
        Map<String, Integer> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Integer) entries[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
