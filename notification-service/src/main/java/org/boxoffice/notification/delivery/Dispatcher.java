package org.boxoffice.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import org.boxoffice.notification.message.AttachmentUnavailable;
import org.boxoffice.notification.message.Messages;
import org.boxoffice.notification.message.RenderedMessage;
import org.boxoffice.platform.events.TraceHandoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what {@link Outgoing} planned, a batch of a {@link Lane}'s due deliveries at a time, claimed with
 * {@code SKIP LOCKED} so that replicas share the work; {@link DeliveryLanes} runs a worker per lane.
 *
 * <p>Each channel's provider sits behind its own Resilience4j circuit breaker. A transient failure is retried with
 * exponential backoff and jitter, up to {@code max-attempts}, then the delivery is FAILED with the reason; a permanent
 * one fails at once. While a breaker is open, deliveries on that channel wait for it without spending attempts, and so
 * does a message whose invoice booking-service cannot give now ({@link AttachmentUnavailable}): sent later, never
 * without it.
 */
@Component
public class Dispatcher {

    private static final Logger logger = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryLog log;
    private final Deliveries deliveries;
    private final Contacts contacts;
    private final Messages messages;
    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
    private final DeliveryProperties properties;
    private final CircuitBreakerRegistry breakers;
    private final CircuitBreakerConfig breakerConfig;
    private final IntervalFunction backoff;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final TraceHandoff traces;
    private final JsonMapper json;

    Dispatcher(DeliveryLog log, Deliveries deliveries, Contacts contacts, Messages messages, List<ChannelSender> senders,
            DeliveryProperties properties, DeliveryMetrics metrics, CircuitBreakerRegistry breakers, Clock clock,
            TraceHandoff traces, JsonMapper json) {
        this.log = log;
        this.traces = traces;
        this.json = json;
        this.deliveries = deliveries;
        this.contacts = contacts;
        this.messages = messages;
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        // The service's one registry (resilience4j-spring-boot4: metrics, actuator), with the channels' breakers made
        // from boxoffice.notification.delivery.breaker.
        this.breakers = breakers;
        this.breakerConfig = properties.breaker().config(CircuitBreakerConfig.ofDefaults().getSlowCallDurationThreshold())
                // A provider refusing one bad number is healthy: only its outages should open the breaker.
                .ignoreException(e -> e instanceof DeliveryFailure failure && failure.permanent())
                .build();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.2,
                properties.maxBackoff());
    }

    /** The breaker in front of a channel's provider, named after the channel in lower case. */
    public CircuitBreaker breaker(Channel channel) {
        return breakers.circuitBreaker(channel.name().toLowerCase(java.util.Locale.ROOT), breakerConfig);
    }

    /**
     * Claims and sends one batch of the lane's due deliveries.
     *
     * @return how many deliveries were claimed
     */
    public int dispatchOnce(Lane lane) {
        Instant now = clock.instant();
        int batch = lane == Lane.BULK ? properties.bulkBatch() : properties.transactionalBatch();
        List<UUID> claimed = log.claimDue(lane, batch, now, now.plus(properties.lease()));
        if (claimed.isEmpty()) {
            return 0;
        }
        for (Delivery delivery : deliveries.findAllByIdInOrderByNextAttemptAt(claimed)) {
            traces.continueTrace(trace(delivery), "deliver " + delivery.kind() + " " + delivery.channel(), () -> {
                dispatch(delivery);
                return null;
            });
        }
        return claimed.size();
    }

    private Map<String, String> trace(Delivery delivery) {
        String trace = delivery.traceContext();
        return trace == null ? Map.of() : json.readValue(trace, new TypeReference<Map<String, String>>() { });
    }

    private void dispatch(Delivery delivery) {
        ChannelSender sender = senders.get(delivery.channel());
        if (sender == null) {
            fail(delivery, "no provider is configured for " + delivery.channel());
            return;
        }
        String recipient = delivery.recipient() != null ? delivery.recipient()
                : delivery.channel() == Channel.EMAIL ? contacts.email(delivery.buyerId()).orElse(null) : null;
        if (recipient == null) {
            // The address may still arrive with a later event about this buyer: worth the retries.
            retryOrFail(delivery, "no " + (delivery.channel() == Channel.EMAIL ? "email address" : "phone number")
                    + " is known for buyer " + delivery.buyerId());
            return;
        }
        RenderedMessage message;
        try {
            message = messages.render(delivery.kind(), delivery.payload(), delivery.locale(),
                    delivery.channel() == Channel.EMAIL);
        } catch (AttachmentUnavailable unavailable) {
            // Neither the message's fault nor the provider's: it waits for the invoice, spending no attempt.
            settle(delivery, d -> d.awaitAttachment(unavailable.getMessage(), properties.initialBackoff(),
                    properties.maxBackoff(), clock.instant()));
            metrics.record(delivery.channel(), "awaiting-attachment");
            return;
        } catch (RuntimeException e) {
            fail(delivery, "cannot render " + delivery.kind() + ": " + e.getMessage());
            return;
        }
        CircuitBreaker breaker = breaker(delivery.channel());
        try {
            String providerId = breaker.executeSupplier(() -> sender.send(recipient, message));
            settle(delivery, d -> d.markSent(recipient, providerId, clock.instant()));
            metrics.record(delivery.channel(), "sent");
        } catch (CallNotPermittedException open) {
            settle(delivery, d -> d.reschedule("circuit breaker open for the " + delivery.channel() + " provider",
                    clock.instant().plus(properties.breaker().waitDurationInOpenState()), false, clock.instant()));
        } catch (DeliveryFailure failure) {
            if (failure.permanent()) {
                fail(delivery, failure.getMessage());
            } else {
                retryOrFail(delivery, failure.getMessage());
            }
        } catch (RuntimeException unexpected) {
            logger.warn("Delivery {} failed unexpectedly", delivery.id(), unexpected);
            retryOrFail(delivery, unexpected.toString());
        }
    }

    private void retryOrFail(Delivery delivery, String reason) {
        if (delivery.attempts() >= properties.maxAttempts()) {
            fail(delivery, reason + " (gave up after " + delivery.attempts() + " attempts)");
            return;
        }
        Duration wait = Duration.ofMillis(backoff.apply(delivery.attempts()));
        settle(delivery, d -> d.reschedule(reason, clock.instant().plus(wait), true, clock.instant()));
        metrics.record(delivery.channel(), "retried");
    }

    private void fail(Delivery delivery, String reason) {
        logger.warn("Delivery {} ({} {} to buyer {}) FAILED: {}", delivery.id(), delivery.kind(), delivery.channel(),
                delivery.buyerId(), reason);
        settle(delivery, d -> d.fail(reason, clock.instant()));
        metrics.record(delivery.channel(), "failed");
    }

    /**
     * Applies the outcome and stores it. When the version moved on, this worker's lease had run out and another claimed
     * the delivery again: that claimant's outcome stands, this one is dropped.
     */
    private void settle(Delivery delivery, java.util.function.Consumer<Delivery> outcome) {
        outcome.accept(delivery);
        try {
            deliveries.save(delivery);
        } catch (OptimisticLockingFailureException claimedAgain) {
            logger.warn("Delivery {} was claimed again after this worker's lease ran out; its {} here is dropped",
                    delivery.id(), delivery.status());
        }
    }
}
