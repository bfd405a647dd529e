package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.SaleFixtureRows;
import org.boxoffice.booking.event.Event;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.ContextConfiguration;

import jakarta.persistence.EntityManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tickets on the real PostgreSQL schema Flyway builds. */
@DataJpaTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.datasource.hikari.maximum-pool-size=2"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class TicketMappingIT {

    @Autowired
    Tickets tickets;
    @Autowired
    TestEntityManager entities;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    Event event;
    UUID buyer = UUID.randomUUID();
    UUID orderId = UUID.randomUUID();

    @BeforeEach
    void order() {
        event = SaleFixtureRows.event(entities.getEntityManager());
        UUID hold = SaleFixtureRows.hold(entities.getEntityManager(), event.id(), buyer);
        entities.getEntityManager().createNativeQuery("""
                INSERT INTO purchase_order (id, event_id, buyer_id, hold_id, status, total_minor, currency, quantity,
                                            created_at, payment_due, updated_at)
                VALUES (?1, ?2, ?3, ?4, 'CONFIRMED', 9000, 'EUR', 2, now(), now(), now())""")
                .setParameter(1, orderId).setParameter(2, event.id()).setParameter(3, buyer).setParameter(4, hold)
                .executeUpdate();
    }

    List<Ticket> issue(int count) {
        List<Ticket> issued = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < count; i++) {
            issued.add(new Ticket(UUID.randomUUID(), orderId, event.id(), buyer, i, UUID.randomUUID(), "Stalls",
                    UUID.randomUUID(), "A", Integer.toString(i + 1), "Stalls", 4_500, event.currency(),
                    TicketSigner.newCode(), "BX1.payload." + i, now));
        }
        return issued;
    }

    @Test
    void issuesTicketsWithTheirOwnIdsInInsertsAloneAndReadsThemBackInOrder() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        List<Ticket> issued = tickets.saveAllAndFlush(issue(3));

        assertThat(statistics.getEntityInsertCount()).isEqualTo(3);
        assertThat(statistics.getEntityLoadCount()).isZero();
        entities.clear();
        assertThat(tickets.findByOrderIdOrderByPositionAscIssuedAtAsc(orderId)).extracting(Ticket::id)
                .containsExactlyElementsOf(issued.stream().map(Ticket::id).toList());
        assertThat(tickets.orderOwner(orderId)).contains(buyer);
        assertThat(tickets.findByCodeForUpdate(issued.getFirst().code())).map(Ticket::seat).contains("1");
    }

    @Test
    void voidingCountsTheValidTicketsKeepsCheckInsAndAVoidTicketAdmitsNobody() {
        List<Ticket> issued = tickets.saveAllAndFlush(issue(2));
        Instant admitted = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tickets.findForUpdate(issued.getFirst().id()).orElseThrow().checkIn(admitted);
        tickets.flush();

        assertThat(tickets.voidOrder(orderId, Instant.now())).isEqualTo(2);
        assertThat(tickets.voidOrder(orderId, Instant.now())).isZero();
        entities.clear();

        Ticket used = tickets.findForUpdate(issued.getFirst().id()).orElseThrow();
        assertThat(used.status()).isEqualTo(TicketStatus.VOID);
        assertThat(used.checkedInAt()).isEqualTo(admitted);
        Ticket unused = tickets.findForUpdate(issued.getLast().id()).orElseThrow();
        assertThatThrownBy(() -> unused.checkIn(Instant.now())).isInstanceOf(TicketVoid.class);
    }
}
