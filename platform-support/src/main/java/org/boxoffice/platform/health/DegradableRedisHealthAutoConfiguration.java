package org.boxoffice.platform.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.data.redis.health.DataRedisHealthIndicator;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Replaces Boot's {@code redis} health contributor (same name, so Boot's backs off) with one that reports an
 * unreachable Redis as {@code DEGRADED} rather than {@code DOWN}.
 */
@AutoConfiguration(
        afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
                "org.redisson.spring.starter.RedissonAutoConfiguration" },
        beforeName = { "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
                "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration" })
@ConditionalOnClass({ HealthIndicator.class, DataRedisHealthIndicator.class })
public class DegradableRedisHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    @ConditionalOnBean(RedisConnectionFactory.class)
    static class Blocking {

        @Bean("redisHealthContributor")
        HealthIndicator redisHealthContributor(RedisConnectionFactory connections) {
            DataRedisHealthIndicator redis = new DataRedisHealthIndicator(connections);
            return () -> DegradableRedisHealth.degradeIfDown(redis.health(true));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    @ConditionalOnBean(ReactiveRedisConnectionFactory.class)
    static class Reactive {

        @Bean("redisHealthContributor")
        ReactiveHealthIndicator redisHealthContributor(ReactiveRedisConnectionFactory connections) {
            DataRedisReactiveHealthIndicator redis = new DataRedisReactiveHealthIndicator(connections);
            return () -> redis.health(true).map(DegradableRedisHealth::degradeIfDown);
        }
    }
}
