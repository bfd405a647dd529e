package org.boxoffice.platform.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    /** What to start, in order: the project's {@code services.yaml}. */
    private final ServiceDeclaration declaration;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;
    private volatile @org.jspecify.annotations.Nullable Infrastructure infrastructure;

    private PlatformLauncher(Path root) {
        this.root = root;
        this.state = root.resolve(".boxoffice");
        this.declaration = ServiceDeclaration.read(root);
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
        List<String> busy = new ArrayList<>();
        for (ServiceDeclaration.Service service : declaration.services()) {
            if (!portFree(service.port())) {
                busy.add(service.name() + " (" + service.port() + ")");
            }
            if (service.probePort() != service.port() && !portFree(service.probePort())) {
                busy.add(service.name() + "'s management port (" + service.probePort() + ")");
            }
        }
        if (!portFree(MAILBOX_PORT)) {
            busy.add("notification-service's demo mailbox (" + MAILBOX_PORT + ")");
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

        LocalSecrets secrets = new LocalSecrets(state);
        String demoPassword = secrets.demoPassword();
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
        environment.putIfAbsent("BOXOFFICE_WAITING_ROOM_PASS_KEY", LocalSecrets.randomKey());
        environment.put("BOXOFFICE_VERIFICATION_CODE_KEY", secrets.secret("verification-code-key", 64));
        for (ServiceDeclaration.Service service : declaration.services()) {
            if (service.urlVariable() != null) {
                environment.put(service.urlVariable(), service.localUrl());
            }
        }
        environment.putIfAbsent("BOXOFFICE_STORAGE_DIRECTORY", state.resolve("objects").toString());
        Map<String, PrivateKey> eventKeys = secrets.eventKeys(declaration.names());
        environment.put("BOXOFFICE_EVENTS_TRUSTED_KEYS", eventKeys.entrySet().stream()
                .map(e -> e.getKey() + "=" + EventKeys.encode(EventKeys.publicKeyOf(e.getValue())))
                .collect(Collectors.joining(",")));

        step("Starting " + declaration.services().size() + " services (logs in " + root.relativize(state.resolve("logs")) + "/)");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> jvmOptions = List.of(System.getenv().getOrDefault("BOXOFFICE_JAVA_OPTS", DEFAULT_JVM_OPTIONS)
                .trim().split("\\s+"));
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        for (String service : declaration.names()) {
            Map<String, String> own = new HashMap<>(environment);
            PrivateKey eventKey = eventKeys.get(service);
            if (eventKey != null) {
                own.put("BOXOFFICE_EVENTS_SIGNING_KEY", EventKeys.encode(eventKey));
            }
            environments.put(service, own);
        }
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : declaration.names()) {
            jars.put(service, jar(service));
        }
        Map<String, List<String>> launch = new AotCaches(root, state, jars)
                .launchArguments(java, jvmOptions, environments);
        for (ServiceDeclaration.Service service : declaration.services()) {
            ServiceProcess process = new ServiceProcess(service.name(), service.port(), service.probePort(),
                    jar(service.name()), state.resolve("logs").resolve(service.name() + ".log"));
            process.start(java, jvmOptions, launch.getOrDefault(service.name(),
                    List.of("-jar", process.jar().toString())), environments.get(service.name()));
            services.add(process);
        }

        if (!new Startup(root, services).awaitReady(Integer.parseInt(System.getenv().getOrDefault("BOXOFFICE_STARTUP_TIMEOUT", "300")))) {
            return 1;
        }
        printBanner(demoPassword, environment.get("BOXOFFICE_ADMIN_EMAIL"));
        watch();
        return 0;
    }

    /** Blocks until Ctrl-C; a service that dies meanwhile is reported and restarted ({@link Supervisor}). */
    private void watch() throws InterruptedException {
        Supervisor supervisor = Supervisor.forLocalRun(root, services, System.err::println);
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            synchronized (services) {
                if (!stopping) {
                    supervisor.check();
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
        System.out.println("  Restarts:    a service that dies is restarted (" + Supervisor.SWITCH + "=off: only reported)");
        System.out.println("Press Ctrl-C to stop everything.");
    }

    /** Stops the services (gracefully, then by force after 30 s) and whatever data stores this launcher started. */
    private void shutdown() {
        stopping = true;
        synchronized (services) { // waits out the supervisor's round in progress: nothing it restarts is left running
        }
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

    static void step(String message) {
        System.out.println("==> " + message);
    }
}
