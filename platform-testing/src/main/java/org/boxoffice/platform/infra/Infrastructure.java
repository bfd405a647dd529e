package org.boxoffice.platform.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Discovers (or starts) the PostgreSQL and Redis a JVM should use, and stops whatever it started on
 * {@link #close()}. See the package documentation for the order in which servers are tried.
 *
 * <p>Environment variables: {@code BOXOFFICE_DB_URL}, {@code BOXOFFICE_DB_USER}, {@code BOXOFFICE_DB_PASSWORD},
 * {@code BOXOFFICE_REDIS_HOST}, {@code BOXOFFICE_REDIS_PORT}, {@code BOXOFFICE_REDIS_PASSWORD};
 * {@code BOXOFFICE_INFRA} forces one kind: {@code testcontainers}, {@code local} (environment or machine) or
 * {@code embedded}.
 */
public final class Infrastructure implements AutoCloseable {

    private final @Nullable PostgresServer postgres;
    private final @Nullable RedisServer redis;
    private final List<AutoCloseable> started;

    private Infrastructure(@Nullable PostgresServer postgres, @Nullable RedisServer redis, List<AutoCloseable> started) {
        this.postgres = postgres;
        this.redis = redis;
        this.started = started;
    }

    /** What to look for and how. */
    public record Options(boolean postgres, boolean redis, boolean allowTestcontainers,
            @Nullable Path embeddedDataDirectory, Consumer<String> progress) {
    }

    public static Infrastructure discover(Options options) {
        return discover(options, System.getenv());
    }

    static Infrastructure discover(Options options, Map<String, String> env) {
        String forced = env.getOrDefault("BOXOFFICE_INFRA", "auto").toLowerCase();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            if (options.allowTestcontainers() && (forced.equals("testcontainers")
                    || forced.equals("auto") && Containers.dockerAvailable())) {
                var containers = Containers.start(options.postgres(), options.redis(), options.progress());
                started.add(containers);
                return new Infrastructure(containers.postgres(), containers.redis(), started);
            }
            boolean embeddedOnly = forced.equals("embedded");
            PostgresServer postgres = null;
            if (options.postgres()) {
                postgres = embeddedOnly ? null : configuredPostgres(env, options.progress());
                if (postgres == null && forced.equals("local")) {
                    throw new IllegalStateException("BOXOFFICE_INFRA=local but no PostgreSQL answers on 127.0.0.1:5432"
                            + " and BOXOFFICE_DB_URL is not set. Start PostgreSQL or unset BOXOFFICE_INFRA.");
                }
                if (postgres == null) {
                    var embedded = EmbeddedServers.postgres(options.embeddedDataDirectory(), options.progress());
                    started.add(embedded);
                    postgres = embedded.server();
                }
            }
            RedisServer redis = null;
            if (options.redis()) {
                redis = embeddedOnly ? null : configuredRedis(env, options.progress());
                if (redis == null && forced.equals("local")) {
                    throw new IllegalStateException("BOXOFFICE_INFRA=local but no Redis answers on 127.0.0.1:6379"
                            + " and BOXOFFICE_REDIS_HOST is not set. Start Redis or unset BOXOFFICE_INFRA.");
                }
                if (redis == null) {
                    var embedded = EmbeddedServers.redis(options.embeddedDataDirectory(), options.progress());
                    started.add(embedded);
                    redis = embedded.server();
                }
            }
            return new Infrastructure(postgres, redis, started);
        } catch (RuntimeException e) {
            new Infrastructure(null, null, started).close();
            throw e;
        }
    }

    private static @Nullable PostgresServer configuredPostgres(Map<String, String> env, Consumer<String> progress) {
        String user = env.getOrDefault("BOXOFFICE_DB_USER", "postgres");
        String password = env.getOrDefault("BOXOFFICE_DB_PASSWORD", "");
        String url = env.get("BOXOFFICE_DB_URL");
        if (url != null && !url.isBlank()) {
            PostgresServer server = new PostgresServer(url, user, password, Source.ENVIRONMENT);
            try (var ignored = server.connect()) {
                return server;
            } catch (SQLException e) {
                throw new IllegalStateException("BOXOFFICE_DB_URL=" + url + " is set but PostgreSQL refuses us: "
                        + e.getMessage() + ". Fix the URL/credentials or unset it to use a local or embedded server.", e);
            }
        }
        if (!listening("127.0.0.1", 5432)) {
            return null;
        }
        PostgresServer local = new PostgresServer("jdbc:postgresql://127.0.0.1:5432/postgres", user, password, Source.LOCAL);
        try (var ignored = local.connect()) {
            return local;
        } catch (SQLException e) {
            progress.accept("PostgreSQL on 127.0.0.1:5432 refused user '" + user + "' (" + e.getMessage()
                    + "); using an embedded one. Set BOXOFFICE_DB_USER/BOXOFFICE_DB_PASSWORD to use the local server.");
            return null;
        }
    }

    private static @Nullable RedisServer configuredRedis(Map<String, String> env, Consumer<String> progress) {
        String host = env.get("BOXOFFICE_REDIS_HOST");
        String password = env.get("BOXOFFICE_REDIS_PASSWORD");
        if (host != null && !host.isBlank()) {
            int port = Integer.parseInt(env.getOrDefault("BOXOFFICE_REDIS_PORT", "6379"));
            RedisServer server = new RedisServer(host, port, password, Source.ENVIRONMENT);
            if (!answersPing(server)) {
                throw new IllegalStateException("BOXOFFICE_REDIS_HOST=" + host + ":" + port
                        + " is set but Redis does not answer PING. Fix it or unset it to use a local or embedded one.");
            }
            return server;
        }
        RedisServer local = new RedisServer("127.0.0.1", 6379, password, Source.LOCAL);
        if (!listening(local.host(), local.port())) {
            return null;
        }
        if (!answersPing(local)) {
            progress.accept("Something listens on 127.0.0.1:6379 but does not answer Redis PING; using an embedded Redis.");
            return null;
        }
        return local;
    }

    private static boolean answersPing(RedisServer server) {
        try (RespClient client = server.connect()) {
            return "PONG".equals(client.command("PING"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port on this machine", e);
        }
    }

    static Path directory(@Nullable Path parent, String name) throws IOException {
        return parent == null ? Files.createTempDirectory("boxoffice-" + name) : Files.createDirectories(parent.resolve(name));
    }

    public PostgresServer postgres() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL was not requested");
        }
        return postgres;
    }

    public RedisServer redis() {
        if (redis == null) {
            throw new IllegalStateException("Redis was not requested");
        }
        return redis;
    }

    public boolean hasPostgres() {
        return postgres != null;
    }

    /** Stops what this JVM started, newest first; servers found running are left alone. */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("boxoffice: could not stop " + started.get(i) + ": " + e.getMessage());
            }
        }
        started.clear();
    }
}
