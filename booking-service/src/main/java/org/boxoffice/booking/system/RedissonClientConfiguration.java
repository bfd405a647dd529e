package org.boxoffice.booking.system;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.BaseConfig;
import org.redisson.config.Config;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;

/**
 * booking's Redisson client: lazy connection and no command retries, set on the server configuration it builds
 * (Redisson's public {@link BaseConfig#setRetryAttempts}), from Boot's {@link DataRedisConnectionDetails} — the same
 * source the Redisson starter reads — and {@code spring.data.redis.*} timeouts. The starter's own client bean steps
 * aside ({@code @ConditionalOnMissingBean}); its Spring Data connection factory and templates use this one.
 *
 * <p>Why no retries: a lock or cache call that cannot be answered within {@code spring.data.redis.timeout} is worth
 * less than the database path it guards, and the circuit breaker ({@link RedisGuard}) needs failures fast to open.
 * Redisson's default of several retries would turn a dead Redis into seconds of latency on every hold. Why lazy:
 * booking serves holds from the database when Redis is down, so a slow or absent Redis must not keep a replica from
 * starting (readiness still reports it).
 */
@Configuration(proxyBeanMethods = false)
class RedissonClientConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedissonClient redisson(DataRedisConnectionDetails connection, DataRedisProperties properties,
            ObjectProvider<RedissonAutoConfigurationCustomizer> customizers) {
        Config config = config(connection, properties);
        customizers.orderedStream().forEach(customizer -> customizer.customize(config));
        return Redisson.create(config);
    }

    static Config config(DataRedisConnectionDetails connection, DataRedisProperties properties) {
        Config config = new Config().setLazyInitialization(true);
        config.setUsername(connection.getUsername());
        config.setPassword(connection.getPassword());
        SslBundle ssl = connection.getSslBundle();
        String scheme = ssl != null || properties.getSsl().isEnabled() ? "rediss://" : "redis://";
        if (ssl != null) {
            config.setSslTrustManagerFactory(ssl.getManagers().getTrustManagerFactory());
            config.setSslKeyManagerFactory(ssl.getManagers().getKeyManagerFactory());
        }
        BaseConfig<?> server;
        if (connection.getSentinel() != null) {
            DataRedisConnectionDetails.Sentinel sentinel = connection.getSentinel();
            server = config.useSentinelServers().setMasterName(sentinel.getMaster()).setDatabase(sentinel.getDatabase())
                    .setSentinelUsername(sentinel.getUsername()).setSentinelPassword(sentinel.getPassword())
                    .addSentinelAddress(addresses(scheme, sentinel.getNodes()));
        } else if (connection.getCluster() != null) {
            server = config.useClusterServers().addNodeAddress(addresses(scheme, connection.getCluster().getNodes()));
        } else if (connection.getMasterReplica() != null) {
            throw new IllegalStateException("booking's Redisson client supports a standalone Redis, Sentinel or a"
                    + " cluster; spring.data.redis.masterreplica is not supported");
        } else {
            DataRedisConnectionDetails.Standalone standalone = connection.getStandalone();
            server = config.useSingleServer().setDatabase(standalone.getDatabase())
                    .setAddress(scheme + standalone.getHost() + ":" + standalone.getPort());
        }
        server.setRetryAttempts(0);
        server.setClientName(properties.getClientName());
        millis(properties.getTimeout(), server::setTimeout);
        millis(properties.getConnectTimeout(), server::setConnectTimeout);
        return config;
    }

    private static String[] addresses(String scheme, List<DataRedisConnectionDetails.Node> nodes) {
        return nodes.stream().map(node -> scheme + node.host() + ":" + node.port()).toArray(String[]::new);
    }

    private static void millis(@Nullable Duration duration, java.util.function.IntConsumer setter) {
        if (duration != null) {
            setter.accept(Math.toIntExact(duration.toMillis()));
        }
    }
}
