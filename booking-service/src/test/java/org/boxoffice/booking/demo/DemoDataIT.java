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
        assertThat(jdbc.sql("SELECT capacity FROM event_area").query(Integer.class).single()).isEqualTo(500);
    }
}
