package org.boxoffice.platform.scaling;

import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.boxoffice.platform.background.SingleRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.json.JsonMapper;

/**
 * The pre-scaler, in a service that knows its on-sales (an {@link OnSales} bean) and has a database (for the single
 * runner), when {@code boxoffice.prescaling.enabled=true}. A test may bring its own {@link Autoscalers}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnProperty(prefix = "boxoffice.prescaling", name = "enabled", havingValue = "true")
@ConditionalOnBean({ OnSales.class, DataSource.class })
@EnableConfigurationProperties(PreScalingProperties.class)
public class PreScalingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Autoscalers kubernetesAutoscalers(PreScalingProperties properties, ObjectProvider<JsonMapper> json) {
        return new KubernetesAutoscalers(properties, json.getIfAvailable(() -> JsonMapper.builder().build()));
    }

    @Bean
    PreScaler platformPreScaler(OnSales onSales, Autoscalers autoscalers, PreScalingProperties properties,
            DataSource dataSource, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
            @Value("${spring.application.name:service}") String service) {
        return new PreScaler(onSales, autoscalers, properties, new SingleRunner(dataSource, "pre-scaler:" + service),
                clock.getIfAvailable(Clock::systemUTC), meters.getIfAvailable(SimpleMeterRegistry::new),
                properties.autoStartup());
    }
}
