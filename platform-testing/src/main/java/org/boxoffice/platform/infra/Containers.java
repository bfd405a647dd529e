package org.boxoffice.platform.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL and Redis in containers, for machines where a Docker engine answers. Tests only. */
final class Containers implements AutoCloseable {

    private final @Nullable PostgreSQLContainer postgresContainer;
    private final @Nullable GenericContainer<?> redisContainer;

    private Containers(@Nullable PostgreSQLContainer postgres, @Nullable GenericContainer<?> redis) {
        this.postgresContainer = postgres;
        this.redisContainer = redis;
    }

    /**
     * True when Testcontainers is on the class path and a Docker engine answers. Looks for a socket or
     * {@code DOCKER_HOST} first, so that machines with only the Docker CLI do not pay for a full probe.
     */
    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory");
        } catch (ClassNotFoundException e) {
            return false;
        }
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        return hint && DockerClientFactory.instance().isDockerAvailable();
    }

    static Containers start(boolean postgres, boolean redis, Consumer<String> progress) {
        progress.accept("Docker is available: starting PostgreSQL and Redis containers...");
        PostgreSQLContainer postgresContainer = null;
        GenericContainer<?> redisContainer = null;
        if (postgres) {
            postgresContainer = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
            postgresContainer.start();
        }
        if (redis) {
            redisContainer = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
            redisContainer.start();
        }
        return new Containers(postgresContainer, redisContainer);
    }

    @Nullable PostgresServer postgres() {
        return postgresContainer == null ? null : new PostgresServer(postgresContainer.getJdbcUrl(),
                postgresContainer.getUsername(), postgresContainer.getPassword(), Source.TESTCONTAINERS);
    }

    @Nullable RedisServer redis() {
        return redisContainer == null ? null : new RedisServer(redisContainer.getHost(),
                redisContainer.getMappedPort(6379), null, Source.TESTCONTAINERS);
    }

    @Override
    public void close() {
        if (redisContainer != null) {
            redisContainer.stop();
        }
        if (postgresContainer != null) {
            postgresContainer.stop();
        }
    }
}
