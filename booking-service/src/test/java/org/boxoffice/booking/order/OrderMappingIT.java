package org.boxoffice.booking.order;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.SaleFixtureRows;
import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ContextConfiguration;

import jakarta.persistence.EntityManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders and their lines on the real PostgreSQL schema Flyway builds. */
@DataJpaTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.datasource.hikari.maximum-pool-size=2"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class OrderMappingIT {

    @Autowired
    Orders orders;
    @Autowired
    TestEntityManager entities;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    Event event;

    @BeforeEach
    void event() {
        event = SaleFixtureRows.event(entities.getEntityManager());
    }

    Order order(Instant createdAt) {
        UUID buyer = UUID.randomUUID();
        return Order.place(new Purchase(event.id(), SaleFixtureRows.hold(entities.getEntityManager(), event.id(),
                buyer), buyer, "buyer@test.boxoffice.dev", event.currency()), new Bill(List.of(
                        new OrderLine(UUID.randomUUID(), UUID.randomUUID(), "Stalls, row 1, seat 1", 1, 4_500, 4_500),
                        new OrderLine(UUID.randomUUID(), null, "Floor", 2, 2_500, 5_000)), null, Charges.NONE),
                createdAt, createdAt.plus(Duration.ofMinutes(15)));
    }

    @Test
    void storesAnOrderWithItsLinesInOrderAndVersionsEveryChange() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Order order = orders.saveAndFlush(order(now));
        entities.clear();

        Order read = orders.findForUpdate(order.id()).orElseThrow();
        read.confirm(new Payment(UUID.randomUUID(), 9_500), now.plusSeconds(5));
        orders.flush();
        entities.clear();
        Order confirmed = orders.findById(order.id()).orElseThrow();

        assertThat(confirmed.bill().lines()).extracting(OrderLine::description).containsExactly("Stalls, row 1, seat 1",
                "Floor");
        assertThat(confirmed.bill().lines().getLast().seatId()).isNull();
        assertThat(confirmed.bill().totalMinor()).isEqualTo(9_500);
        assertThat(confirmed.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.settlement().paidMinor()).isEqualTo(9_500);
        assertThat(confirmed.createdAt()).isEqualTo(now);
        Number version = (Number) entities.getEntityManager()
                .createNativeQuery("SELECT version FROM purchase_order WHERE id = ?1").setParameter(1, order.id())
                .getSingleResult();
        assertThat(version.longValue()).isEqualTo(1);
    }

    @Test
    void readsAPageOfAnEventsOrdersWithTheirLinesInThreeStatements() {
        Instant now = Instant.now();
        for (int i = 0; i < 25; i++) {
            orders.save(order(now.minusSeconds(i)));
        }
        orders.flush();
        entities.clear();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        Page<Order> page = orders.findByPurchaseEventId(event.id(), new PageQuery(0, 20).sorted(
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        int lines = page.getContent().stream().mapToInt(order -> order.bill().lines().size()).sum();

        assertThat(page.getTotalElements()).isEqualTo(25);
        assertThat(page.getContent()).hasSize(20).isSortedAccordingTo(
                (a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(lines).isEqualTo(40);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void locksOnlyTheEventsLiveOrders() {
        Order live = orders.save(order(Instant.now()));
        Order expired = order(Instant.now());
        expired.expire(Instant.now());
        orders.saveAndFlush(expired);

        assertThat(orders.findByEventForUpdate(event.id(), EnumSet.of(OrderStatus.PENDING_PAYMENT,
                OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_REFUNDED))).containsExactly(live);
    }
}
