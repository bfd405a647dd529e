package org.boxoffice.booking.demo;

import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data: created on start, and running it again creates nothing more. */
@IntegrationTest(properties = "boxoffice.demo.enabled=true")
class DemoDataIT {

    @Autowired
    DemoData demo;
    @Autowired
    JdbcClient jdbc;

    @Test
    void createsOnePublishedOnSaleEventOnceHoweverOftenItRuns() {
        demo.run(null);
        demo.run(null);

        assertThat(jdbc.sql("SELECT count(*) FROM venue WHERE organization_id = ?").param(DemoData.DEMO_ORGANIZATION)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM event WHERE organization_id = ?").param(DemoData.DEMO_ORGANIZATION)
                .query(String.class).list()).containsExactly("PUBLISHED");
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat").query(Long.class).single()).isEqualTo(600);
        assertThat(jdbc.sql("SELECT sum(capacity)::int FROM event_area").query(Integer.class).single()).isEqualTo(500);
    }

    @Test
    void opensANewDemoEventWhenTheLastOnesSaleHasEnded() {
        demo.run(null);
        jdbc.sql("UPDATE event SET on_sale_at = now() - interval '40 days', off_sale_at = now() - interval '1 hour'"
                + " WHERE organization_id = ?").param(DemoData.DEMO_ORGANIZATION).update();

        demo.run(null);
        demo.run(null);

        assertThat(jdbc.sql("SELECT count(*) FROM venue WHERE organization_id = ?").param(DemoData.DEMO_ORGANIZATION)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event WHERE organization_id = ? AND status = 'PUBLISHED'"
                + " AND on_sale_at < now() AND off_sale_at > now() + interval '1 day'")
                .param(DemoData.DEMO_ORGANIZATION).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat").query(Long.class).single()).isEqualTo(1200);
        assertThat(jdbc.sql("SELECT count(*) FROM price_tier t JOIN event e ON e.id = t.event_id"
                + " WHERE e.off_sale_at > now()").query(Long.class).single()).isEqualTo(4);
    }
}
