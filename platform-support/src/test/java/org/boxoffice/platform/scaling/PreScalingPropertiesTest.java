package org.boxoffice.platform.scaling;

import java.util.List;
import java.util.Map;

import org.boxoffice.platform.scaling.ConnectionBudget.Store;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection budgets bind from the environment variables the chart renders, and are off when none is given. */
class PreScalingPropertiesTest {

    @Test
    void bindsTheBudgetsAndEachTargetsConnectionsFromTheChartsVariables() {
        PreScalingProperties properties = bind(Map.of(
                "BOXOFFICE_PRESCALING_ENABLED", "true",
                "BOXOFFICE_PRESCALING_TARGETS_0_AUTOSCALER", "booking-service-blue",
                "BOXOFFICE_PRESCALING_TARGETS_0_BASEMINREPLICAS", "3",
                "BOXOFFICE_PRESCALING_TARGETS_0_MAXREPLICAS", "30",
                "BOXOFFICE_PRESCALING_TARGETS_0_DATABASECONNECTIONS", "10",
                "BOXOFFICE_PRESCALING_TARGETS_0_REDISCONNECTIONS", "114",
                "BOXOFFICE_PRESCALING_BUDGET_DATABASE_MAXCONNECTIONS", "900",
                "BOXOFFICE_PRESCALING_BUDGET_DATABASE_RESERVED", "400",
                "BOXOFFICE_PRESCALING_BUDGET_REDIS_MAXCONNECTIONS", "10000",
                "BOXOFFICE_PRESCALING_BUDGET_REDIS_RESERVED", "700"));

        assertThat(properties.scaleTargets()).containsExactly(
                new ScaleTarget("booking-service-blue", 3, 30, 500, 10, 114));
        assertThat(properties.connectionBudgets()).containsExactly(new ConnectionBudget(Store.DATABASE, 900, 400),
                new ConnectionBudget(Store.REDIS, 10_000, 700));
    }

    @Test
    void withoutABudgetNothingIsDeclared() {
        PreScalingProperties properties = bind(Map.of());

        assertThat(properties.connectionBudgets()).noneMatch(ConnectionBudget::declared);
        assertThat(properties.targets()).isEqualTo(List.of());
    }

    private static PreScalingProperties bind(Map<String, Object> environment) {
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        return binder.bindOrCreate("boxoffice.prescaling", PreScalingProperties.class);
    }
}
