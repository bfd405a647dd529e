package org.boxoffice.platform.events;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * Event bus settings; the defaults suit production.
 *
 * @param producer         this service's name on the bus (stream {@code boxoffice.events.<producer>})
 * @param relayInterval    how long the relay waits when the outbox is empty (a commit that appends events wakes it at
 *                         once; the interval only catches events another replica committed while this one relayed)
 * @param batchSize        events per relay transaction and per consumer read
 * @param streamMaxLength  approximate number of entries kept per stream (history for rebuilding read models)
 * @param pollInterval     how long a consumer waits when its stream has nothing new and {@code readBlock} is 0
 * @param readBlock        how long a consumer's read waits in Redis for new messages (a blocking {@code XREADGROUP}):
 *                         an idle consumer costs one call per {@code readBlock}, and a new message is read at once;
 *                         keep it below the Redis command timeout ({@code spring.data.redis.timeout}, 2 s), which a
 *                         blocking read also counts against
 * @param reclaimAfter     how long a delivered but unacknowledged message waits before another consumer takes it
 * @param maxAttempts      deliveries before a message goes to the dead-letter stream
 * @param autoStartup      whether the relay and consumers run in the background (tests drive them by hand)
 * @param replayWindow     how far back the relay publishes events again when Redis has lost its data (restarted
 *                         empty, failed over, flushed): events published earlier are taken as consumed by then
 */
@Validated
@ConfigurationProperties("boxoffice.events")
public record EventsProperties(
        String producer,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration relayInterval,
        @DefaultValue("100") @Positive int batchSize,
        @DefaultValue("1000000") @Positive long streamMaxLength,
        @DurationMin(millis = 1) @DefaultValue("100ms") Duration pollInterval,
        @DurationMin(millis = 1) @DefaultValue("30s") Duration reclaimAfter,
        @DefaultValue("5") @Positive int maxAttempts,
        @DurationMin(millis = 0) @DefaultValue("1s") Duration readBlock,
        @DefaultValue("true") boolean autoStartup,
        @DurationMin(millis = 0) @DefaultValue("15m") Duration replayWindow) {

    /** Stream every dead letter goes to, whichever service gave up on it. */
    public static final String DEAD_LETTERS = "boxoffice.events.dead-letters";

    public static String stream(String producer) {
        return "boxoffice.events." + producer;
    }
}
