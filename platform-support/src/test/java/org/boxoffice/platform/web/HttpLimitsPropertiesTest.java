package org.boxoffice.platform.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** A misconfigured limit stops the service at start with a message naming the setting (issue 23). */
class HttpLimitsPropertiesTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Limits.class);

    @Test
    void bindsTheDefaults() {
        context.run(started -> assertThat(started.getBean(HttpLimitsProperties.class)).satisfies(limits -> {
            assertThat(limits.maxConcurrentRequests()).isEqualTo(48);
            assertThat(limits.busyRetryAfter()).isEqualTo(Duration.ofSeconds(2));
        }));
    }

    @Test
    void refusesANegativeConcurrencyLimitNamingTheProperty() {
        context.withPropertyValues("boxoffice.http.max-concurrent-requests=-1").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("boxoffice.http")
                        .hasMessageContaining("maxConcurrentRequests").hasMessageContaining("rejected value [-1]"));
    }

    @Test
    void refusesARetryAfterShorterThanASecond() {
        context.withPropertyValues("boxoffice.http.busy-retry-after=500ms").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("busyRetryAfter").hasMessageContaining("rejected value [PT0.5S]"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(HttpLimitsProperties.class)
    static class Limits {
    }
}
