package org.boxoffice.platform.testing;

import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.infra.Infrastructure;
import org.boxoffice.platform.infra.PostgresServer;
import org.boxoffice.platform.infra.RedisServer;
import org.boxoffice.platform.infra.RespClient;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The data stores of one test JVM: found once, shared by every test context in the JVM, released at exit.
 *
 * <p>Each JVM creates its own PostgreSQL database and claims a Redis logical database of its own (1–15, leased
 * through a key in database 0), so that test runs, and a developer's local platform, never see each other's data.
 */
@SqlByDesign("Creates and drops the test JVM's own database")
public final class TestInfrastructure {

    private static final String CLAIM_PREFIX = "boxoffice:test:redis-db:";
    private static @Nullable TestInfrastructure shared;

    private final Infrastructure infrastructure;
    private final @Nullable String database;
    private final int redisDatabase;
    private final String owner = UUID.randomUUID().toString();

    private TestInfrastructure(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        if (infrastructure.hasPostgres()) {
            database = "boxoffice_it_" + owner.substring(0, 8);
            infrastructure.postgres().createDatabase(database);
        } else {
            database = null;
        }
        redisDatabase = claimRedisDatabase();
    }

    /** The JVM's infrastructure, discovered on first use. PostgreSQL only where the service has a JDBC driver. */
    public static synchronized TestInfrastructure get() {
        if (shared == null) {
            boolean jdbc = ClassUtils.isPresent("org.postgresql.Driver", null)
                    && ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", null);
            Infrastructure infrastructure = Infrastructure.discover(new Infrastructure.Options(jdbc, true, true, null,
                    message -> System.out.println("[boxoffice-test] " + message)));
            TestInfrastructure created = new TestInfrastructure(infrastructure);
            Runtime.getRuntime().addShutdownHook(new Thread(created::release, "boxoffice-test-infrastructure"));
            System.out.println("[boxoffice-test] PostgreSQL: " + (created.database == null ? "not used"
                    : infrastructure.postgres() + ", database " + created.database)
                    + "; Redis: " + infrastructure.redis() + ", database " + created.redisDatabase);
            shared = created;
        }
        return shared;
    }

    public boolean hasPostgres() {
        return database != null;
    }

    public PostgresServer postgres() {
        return infrastructure.postgres();
    }

    /** JDBC URL of this JVM's own database. */
    public String jdbcUrl() {
        if (database == null) {
            throw new IllegalStateException("this service's tests do not use PostgreSQL");
        }
        return infrastructure.postgres().database(database);
    }

    public RedisServer redis() {
        return infrastructure.redis();
    }

    public int redisDatabase() {
        return redisDatabase;
    }

    /** Empties this JVM's Redis database. */
    public void flushRedis() {
        try (RespClient client = redis().connect()) {
            client.command("SELECT", Integer.toString(redisDatabase));
            client.command("FLUSHDB");
        }
    }

    private int claimRedisDatabase() {
        try (RespClient client = redis().connect()) {
            for (int db = 1; db <= 15; db++) {
                if ("OK".equals(client.command("SET", CLAIM_PREFIX + db, owner, "NX", "EX", "7200"))) {
                    return db;
                }
            }
        }
        throw new IllegalStateException("All Redis databases 1-15 on " + redis() + " are claimed by other test JVMs"
                + " (keys " + CLAIM_PREFIX + "*). Delete stale claims with redis-cli DEL, or wait two hours.");
    }

    private void release() {
        try {
            if (database != null) {
                infrastructure.postgres().dropDatabase(database);
            }
            try (RespClient client = redis().connect()) {
                client.command("SELECT", Integer.toString(redisDatabase));
                client.command("FLUSHDB");
                client.command("SELECT", "0");
                if (owner.equals(client.command("GET", CLAIM_PREFIX + redisDatabase))) {
                    client.command("DEL", CLAIM_PREFIX + redisDatabase);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("[boxoffice-test] cleanup incomplete: " + e.getMessage());
        } finally {
            infrastructure.close();
        }
    }
}
