package org.boxoffice.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.helm.Rendered.at;

import java.util.Map;
import org.boxoffice.helm.Charts.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shared stores' connection budgets: the release at its largest (every HPA at maxReplicas, both booking slots,
 * replicaCount without autoscaling) times each service's pools must fit global.postgres.maxConnections and
 * global.redis.maxConnections, or the render fails with the sums; with the pre-scaler on, booking-service's copy of
 * the numbers (its reserve, the other targets' connections) must agree, and reaches its container.
 *
 * <p>At the chart's defaults the pools at maxReplicas hold 1,260 Postgres connections (user, payment and
 * notification 20 x 10, booking 2 slots x 30 x 10, analytics 6 x 10; the gateway none) and 7,428 Redis connections
 * (gateway 30 x 2, booking 2 x 30 x 114, user, payment and notification 20 x 8, analytics 6 x 8).
 */
class ConnectionBudgetChartTest {

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyValuesFileFitsTheBudgetItDeclares(Profile profile) {
        assertThatCode(() -> Charts.platform(profile)).doesNotThrowAnyException();
    }

    @Test
    void aBudgetTheDefaultPoolsFillExactlyRendersAndOneLessFails() {
        assertThatCode(() -> Charts.platform(Profile.DEFAULTS, Map.of("global.postgres.maxConnections", 1260,
                "global.redis.maxConnections", 7428))).doesNotThrowAnyException();

        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("global.postgres.maxConnections", 1259)))
                .hasMessageContaining("global.postgres.maxConnections is 1259, but the release at its largest holds"
                        + " 1260 PostgreSQL connections")
                .hasMessageContaining("booking-service 2 slots x 30 x 10 = 600")
                .hasMessageContaining("analytics-service 6 x 10 = 60")
                .hasMessageNotContaining("gateway-service")
                .hasMessageContaining("PgBouncer");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("global.redis.maxConnections", 7427)))
                .hasMessageContaining("global.redis.maxConnections is 7427, but the release at its largest holds 7428"
                        + " Redis connections")
                .hasMessageContaining("booking-service 2 slots x 30 x 114 = 6840")
                .hasMessageContaining("gateway-service 30 x 2 = 60");
    }

    @Test
    void aLargerPoolOrMoreReplicasCountAgainstTheBudget() {
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("global.postgres.maxConnections", 1260,
                "payment-service.dbPoolSize", 11))).hasMessageContaining("payment-service 20 x 11 = 220");
        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, Map.of("global.postgres.maxConnections", 1260,
                "user-service.autoscaling.maxReplicas", 21))).hasMessageContaining("user-service 21 x 10 = 210");
    }

    @Test
    void theQuickStartRefusesMoreReplicasThanTheInChartPostgresServes() {
        // values-minimal.yaml: 97 connections, one replica of each service and both booking slots hold 60.
        assertThatCode(() -> Charts.platform(Profile.MINIMAL, Map.of("booking-service.replicaCount", 2)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Charts.platform(Profile.MINIMAL, Map.of("booking-service.replicaCount", 3)))
                .hasMessageContaining("global.postgres.maxConnections is 97, but the release at its largest holds 100")
                .hasMessageContaining("booking-service 2 slots x 3 x 10 = 60");
    }

    @Test
    void aBudgetAboveWhatTheInChartStoresServeIsRefused() {
        assertThatThrownBy(() -> Charts.platform(Profile.MINIMAL, Map.of("global.postgres.maxConnections", 98)))
                .hasMessageContaining("global.postgres.maxConnections is 98, but the in-chart postgres serves 97");
        assertThatThrownBy(() -> Charts.platform(Profile.MINIMAL, Map.of("global.redis.maxConnections", 10_001)))
                .hasMessageContaining("the in-chart redis serves 10000 (maxclients)");
    }

    @Test
    void thePreScalersReserveMustCoverTheServicesItDoesNotRaise() {
        Map<String, Object> budget = Map.of("global.postgres.maxConnections", 1260,
                "booking-service.preScaling.enabled", true);

        assertThatThrownBy(() -> Charts.platform(Profile.DEFAULTS, budget))
                .hasMessageContaining("booking-service.preScaling.reservedConnections.database is 0, but the services"
                        + " the pre-scaler does not scale (user-service, payment-service, notification-service,"
                        + " analytics-service) hold up to 660 postgres connections: set it to at least 660");

        Map<String, Object> reserved = new java.util.HashMap<>(budget);
        reserved.put("booking-service.preScaling.reservedConnections.database", 660);
        Map<String, Object> config = at(Charts.platform(Profile.DEFAULTS, reserved).get("ConfigMap",
                "booking-service"), "data");
        assertThat(config).containsEntry("BOXOFFICE_PRESCALING_BUDGET_DATABASE_MAXCONNECTIONS", "1260")
                .containsEntry("BOXOFFICE_PRESCALING_BUDGET_DATABASE_RESERVED", "660")
                .containsEntry("BOXOFFICE_PRESCALING_BUDGET_REDIS_MAXCONNECTIONS", "0");
    }

    @Test
    void productionGivesThePreScalerItsBudgetsAndEachTargetsConnections() {
        Map<String, Object> config = at(Charts.platform(Profile.PRODUCTION).get("ConfigMap", "booking-service"),
                "data");

        assertThat(config).containsEntry("BOXOFFICE_PRESCALING_BUDGET_DATABASE_MAXCONNECTIONS", "2000")
                .containsEntry("BOXOFFICE_PRESCALING_BUDGET_DATABASE_RESERVED", "660")
                .containsEntry("BOXOFFICE_PRESCALING_BUDGET_REDIS_MAXCONNECTIONS", "60000")
                .containsEntry("BOXOFFICE_PRESCALING_BUDGET_REDIS_RESERVED", "528")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_0_AUTOSCALER", "booking-service-blue")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_0_DATABASECONNECTIONS", "10")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_0_REDISCONNECTIONS", "114")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_1_DATABASECONNECTIONS", "10")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_2_AUTOSCALER", "gateway-service")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_2_DATABASECONNECTIONS", "0")
                .containsEntry("BOXOFFICE_PRESCALING_TARGETS_2_REDISCONNECTIONS", "2");
    }

    @Test
    void anOtherTargetsConnectionsMustBeThoseOfItsService() {
        assertThatThrownBy(() -> Charts.platform(Profile.PRODUCTION, Map.of("gateway-service.redisConnections", 3)))
                .hasMessageContaining("otherTargets entry gateway-service states redisConnections 2, but"
                        + " gateway-service holds 3 per replica");
    }
}
