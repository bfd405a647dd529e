package org.boxoffice.platform.flags;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Runtime flag changes on a real Redis, as every replica sees them: a change published by the owner reaches this
 * application's running refresher and a second replica's; an older document never replaces a newer one; a Redis that
 * lost the flags or does not answer leaves every replica with its last-known values.
 */
@IntegrationTest(properties = {
        "spring.application.name=flags-it",
        "boxoffice.db.schema=flags_it",
        "boxoffice.events.auto-startup=false",
        "boxoffice.flags.refresh-interval=200ms" })
class FlagPropagationIT {

    private static final UUID EVENT = UUID.randomUUID();

    @Autowired
    Flags flags;
    @Autowired
    FlagState state;
    @Autowired
    FlagStore store;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void startFromTheFile() {
        redis.delete(List.of(FlagStore.DOCUMENT, FlagStore.VERSION));
    }

    @Test
    void aPublishedChangeReachesTheRunningReplicaAndAnotherOne() {
        FlagState otherReplica = new FlagState(state.definitions());
        FlagRefresher otherRefresher = new FlagRefresher(new FlagStore(redis), otherReplica, Duration.ofSeconds(1),
                false);
        long version = state.version() + 1;
        FlagSetting pausedForOneEvent = new FlagSetting(false,
                List.of(new FlagRule(true, null, null, List.of(EVENT), null)));

        assertThat(store.publish(new FlagDocument(version, Map.of("holds.paused", pausedForOneEvent)))).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> state.version() == version);
        assertThat(flags.isOn("holds.paused", FlagContext.account(UUID.randomUUID()).event(null, EVENT))).isTrue();
        assertThat(flags.isOn("holds.paused", FlagContext.account(UUID.randomUUID()).event(null, UUID.randomUUID())))
                .isFalse();
        otherRefresher.runOnce();
        assertThat(otherReplica.setting("holds.paused")).isEqualTo(pausedForOneEvent);
        assertThat(meters.get("boxoffice.flags.evaluations").tags("flag", "holds.paused", "reason", "TARGETING_MATCH")
                .counter().count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void anOlderDocumentNeverReplacesANewerOne() {
        long version = state.version() + 10;
        store.publish(new FlagDocument(version, Map.of("holds.best-available", FlagSetting.fixed(false))));

        assertThat(store.publish(new FlagDocument(version - 1, Map.of()))).isFalse();
        assertThat(store.publish(new FlagDocument(version, Map.of()))).as("same version").isFalse();
        assertThat(store.read()).hasValueSatisfying(document -> assertThat(document.version()).isEqualTo(version));
        await().atMost(Duration.ofSeconds(10)).until(() -> state.version() == version);
        assertThat(flags.isOn("holds.best-available")).isFalse();
    }

    @Test
    void aRedisThatLostTheFlagsOrDoesNotAnswerLeavesTheLastKnownValues() {
        long version = state.version() + 1;
        store.publish(new FlagDocument(version, Map.of("notifications.sms", FlagSetting.fixed(false))));
        await().atMost(Duration.ofSeconds(10)).until(() -> state.version() == version);

        redis.delete(List.of(FlagStore.DOCUMENT, FlagStore.VERSION));
        FlagRefresher refresher = new FlagRefresher(store, state, Duration.ofSeconds(1), false);
        refresher.runOnce();
        assertThat(flags.isOn("notifications.sms")).as("Redis restarted empty").isFalse();

        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        nowhere.afterPropertiesSet();
        try {
            FlagRefresher unreachable = new FlagRefresher(new FlagStore(new StringRedisTemplate(nowhere)), state,
                    Duration.ofSeconds(1), false);
            assertThatThrownBy(unreachable::runOnce).isInstanceOf(RuntimeException.class);
            assertThat(flags.isOn("notifications.sms")).as("Redis unreachable").isFalse();
            assertThat(state.version()).isEqualTo(version);
        } finally {
            nowhere.destroy();
        }
    }
}
