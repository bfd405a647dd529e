package org.boxoffice.platform.flags;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.OpenFeatureAPI;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Feature flags in every service: an OpenFeature API of the application's own (isolated, so that two applications
 * in one JVM — tests — never share a provider), its provider (the built-in one unless
 * {@code boxoffice.flags.provider} names another), the metrics hook, and, where the service has Redis, the refresher
 * that brings runtime changes to this replica.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.redisson.spring.starter.RedissonAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@EnableConfigurationProperties(FlagsProperties.class)
public class FlagsAutoConfiguration {

    @Bean
    FlagState flagState(FlagsProperties properties) {
        return new FlagState(FlagDefinitions.load(properties.definitions()));
    }

    @Bean(destroyMethod = "shutdown")
    OpenFeatureAPI openFeature(FlagsProperties properties, FlagState state, ObjectProvider<MeterRegistry> meters) {
        OpenFeatureAPI api = OpenFeatureAPI.createIsolated();
        api.setProviderAndWait(provider(properties, state));
        meters.ifAvailable(registry -> api.addHooks(new FlagMetricsHook(registry)));
        return api;
    }

    @Bean
    Flags flags(OpenFeatureAPI openFeature, FlagState state) {
        return new Flags(openFeature.getClient(), state);
    }

    private static FeatureProvider provider(FlagsProperties properties, FlagState state) {
        String name = properties.provider();
        if (!StringUtils.hasText(name)) {
            return new BoxofficeFlagProvider(state);
        }
        try {
            Class<?> type = ClassUtils.forName(name.strip(), FlagsAutoConfiguration.class.getClassLoader());
            return (FeatureProvider) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            throw new IllegalStateException("boxoffice.flags.provider=" + name + " is not an OpenFeature provider "
                    + "with a public no-argument constructor on the class path: " + e, e);
        }
    }

    /** Runtime changes reach this replica through Redis, where the service has it. */
    @Bean
    @ConditionalOnBean(StringRedisTemplate.class)
    FlagStore flagStore(StringRedisTemplate redis) {
        return new FlagStore(redis);
    }

    @Bean
    @ConditionalOnBean(FlagStore.class)
    FlagRefresher flagRefresher(FlagStore store, FlagState state, FlagsProperties properties) {
        return new FlagRefresher(store, state, properties.refreshInterval(), true);
    }
}
