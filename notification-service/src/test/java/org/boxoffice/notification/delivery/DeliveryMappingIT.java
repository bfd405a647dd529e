package org.boxoffice.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;

import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.platform.testing.JpaSliceTest;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deliveries as Hibernate maps them onto the Flyway schema, beside the SQL that plans and claims them, on the real
 * PostgreSQL. Every step commits on its own, as the dispatcher's do. The deliveries here fall due an hour from now, so
 * no dispatcher of another test's context in this JVM claims them first.
 */
@JpaSliceTest
@Import({ DeliveryLog.class, DeliveryRetries.class, DeliveryMappingIT.Wiring.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryMappingIT {

    @TestConfiguration
    static class Wiring {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        /** The slice has no tracing: deliveries are planned outside any trace. */
        @Bean
        org.boxoffice.platform.events.TraceHandoff traceHandoff() {
            return new org.boxoffice.platform.events.TraceHandoff(io.micrometer.tracing.Tracer.NOOP,
                    io.micrometer.tracing.propagation.Propagator.NOOP);
        }

        @Bean
        tools.jackson.databind.json.JsonMapper jsonMapper() {
            return tools.jackson.databind.json.JsonMapper.builder().build();
        }
    }

    private static final Instant DUE = Instant.now().plusSeconds(3_600);

    @Autowired
    DeliveryLog log;
    @Autowired
    Deliveries deliveries;
    @Autowired
    DeliveryRetries retries;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void aClaimedDeliveryIsSentThroughTheEntity() {
        UUID source = plan(UUID.randomUUID());
        Delivery claimed = claim(source, DUE.plusSeconds(60), DUE.plusSeconds(120));
        assertThat(claimed.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(claimed.attempts()).isEqualTo(1);

        claimed.markSent("ada@example.org", "provider-42", Instant.now());
        deliveries.save(claimed);

        Delivery stored = deliveries.findById(claimed.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(stored.recipient()).isEqualTo("ada@example.org");
        assertThat(stored.providerId()).isEqualTo("provider-42");
        assertThat(stored.sentAt()).isNotNull();
        assertThat(stored.locale()).isEqualTo(Locale.GERMAN);
        assertThat(stored.kind()).isEqualTo(MessageKind.RECEIPT);
    }

    @Test
    void aWorkerWhoseLeaseRanOutCannotOverwriteTheNextClaimantsOutcome() {
        UUID source = plan(UUID.randomUUID());
        Delivery firstWorker = claim(source, DUE.plusSeconds(60), DUE.plusSeconds(120));
        Delivery secondWorker = claim(source, DUE.plusSeconds(180), DUE.plusSeconds(600));
        assertThat(secondWorker.attempts()).isEqualTo(2);

        firstWorker.fail("took too long", Instant.now());

        assertThatThrownBy(() -> deliveries.save(firstWorker)).isInstanceOf(OptimisticLockingFailureException.class);
        secondWorker.markSent("ada@example.org", "provider-43", Instant.now());
        deliveries.save(secondWorker);
        assertThat(deliveries.findById(secondWorker.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void onlyAFailedDeliveryCanBeRetried() {
        UUID source = plan(UUID.randomUUID());
        Delivery claimed = claim(source, DUE.plusSeconds(60), DUE.plusSeconds(120));

        assertThatThrownBy(() -> retries.retry(claimed.id()))
                .isInstanceOf(DeliveryRetries.DeliveryNotRetryable.class);
        assertThat(claimed.retry(Instant.now())).isFalse();

        claimed.fail("mailbox full", Instant.now());
        deliveries.save(claimed);
        DeliveryView retried = retries.retry(claimed.id());

        assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(retried.attempts()).isZero();
        assertThat(retried.lastError()).isEqualTo("mailbox full");
    }

    @Test
    void theAdminSearchTakesOneQueryForThePageAndOneForTheTotal() {
        UUID source = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            plan(source);
        }

        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        Page<DeliveryView> page = retries.search(new DeliverySearch(DeliveryStatus.PENDING, Channel.EMAIL, source, null),
                0, 2);

        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
        assertThat(page.getTotalElements()).isEqualTo(5);
        assertThat(page.getContent()).hasSize(2).allSatisfy(d -> assertThat(d.sourceId()).isEqualTo(source));
        assertThat(page.getContent().get(0).createdAt()).isAfterOrEqualTo(page.getContent().get(1).createdAt());
    }

    /** Plans one email for a new buyer; returns the source. */
    private UUID plan(UUID source) {
        assertThat(log.plan(source, Channel.EMAIL, UUID.randomUUID(), MessageKind.RECEIPT, Lane.TRANSACTIONAL,
                "ada@example.org", Locale.GERMAN, "{}", DUE)).isTrue();
        return source;
    }

    /** Claims the deliveries due at {@code at} and returns the source's, loaded as the dispatcher loads it. */
    private Delivery claim(UUID source, Instant at, Instant leaseUntil) {
        List<UUID> claimed = log.claimDue(Lane.TRANSACTIONAL, 1_000, at, leaseUntil);
        return deliveries.findAllByIdInOrderByNextAttemptAt(claimed).stream()
                .filter(d -> d.sourceId().equals(source)).findFirst().orElseThrow();
    }
}
