package org.boxoffice.booking.system;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lazy connection and no command retries: a lock or cache call that cannot be answered within {@code spring.data.redis.timeout} is worth
 * less than the database path it guards, and the circuit breaker needs failures fast to open. Redisson's default of
 * four retries would turn a dead Redis into seconds of latency on every hold.
 *
 * <p>The starter builds the server configuration from {@code spring.data.redis.*} and hands the customizer only the
 * top-level {@link Config}, whose accessors for it are protected; asking {@code useSingleServer()} would replace it.
 */
@Component
class RedissonTimeouts implements RedissonAutoConfigurationCustomizer {

    @Override
    public void customize(Config config) {
        // Connect on first use, not at startup: booking serves holds from the database when Redis is down, so a
        // slow or absent Redis must not keep a replica from starting (readiness still reports it).
        config.setLazyInitialization(true);
        for (String accessor : new String[] {"getSingleServerConfig", "getClusterServersConfig",
                "getSentinelServersConfig", "getMasterSlaveServersConfig", "getReplicatedServersConfig"}) {
            if (serverConfig(config, accessor) instanceof BaseConfig<?> server) {
                server.setRetryAttempts(0);
            }
        }
    }

    private static @Nullable Object serverConfig(Config config, String accessor) {
        try {
            Method method = Config.class.getDeclaredMethod(accessor);
            method.setAccessible(true);
            return method.invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Redisson's Config no longer has " + accessor, e);
        }
    }
}
