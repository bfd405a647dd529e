package org.boxoffice.platform.scaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays a day of on-sales with and without pre-scaling ({@link PreScalingSimulation}) and writes the table of
 * docs/operations.md to {@code target/prescaling-simulation.md} (and stdout):
 * {@code ./mvnw -B -q -pl platform-support test -Dtest=PreScalingSimulationTest}.
 */
class PreScalingSimulationTest {

    static final Instant DAY = Instant.parse("2026-12-05T00:00:00Z");
    static final List<OnSale> ON_SALES = List.of(
            new OnSale("club", Instant.parse("2026-12-05T10:00:00Z"), 1_500),
            new OnSale("theatre", Instant.parse("2026-12-05T12:00:00Z"), 4_000),
            new OnSale("comedy", Instant.parse("2026-12-05T15:00:00Z"), 2_500),
            new OnSale("arena", Instant.parse("2026-12-05T18:00:00Z"), 12_000),
            new OnSale("festival", Instant.parse("2026-12-05T19:30:00Z"), 20_000),
            new OnSale("arena-2", Instant.parse("2026-12-05T19:45:00Z"), 8_000));
    static final Duration LEAD = Duration.ofMinutes(10);
    static final Duration HOLD = Duration.ofMinutes(30);

    private final PreScalingSimulation simulation = new PreScalingSimulation(DAY, ON_SALES);

    @Test
    void writesTheTable() throws IOException {
        String table = simulation.table(LEAD, HOLD);
        Path out = Path.of("target", "prescaling-simulation.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println(table);

        assertThat(table).contains("| festival 19:30 |").contains("| whole day |");
    }

    @Test
    void preScalingHasTheFleetReadyWhenTheBigSaleOpensAndRefusesFewerBuyers() {
        int opens = (int) Duration.between(DAY, Instant.parse("2026-12-05T18:00:00Z")).toSeconds();

        PreScalingSimulation.Result reactive = simulation.run(false, LEAD, HOLD, opens, opens + 600);
        PreScalingSimulation.Result planned = simulation.run(true, LEAD, HOLD, opens, opens + 600);

        assertThat(reactive.readyAtOpen()).isEqualTo(PreScalingSimulation.BOOKING.baseMinReplicas());
        assertThat(planned.readyAtOpen()).isEqualTo(PreScalingSimulation.BOOKING.replicasFor(12_000));
        assertThat(planned.refused()).isLessThan(reactive.refused() / 2);
        assertThat(planned.p99Ms()).isLessThanOrEqualTo(reactive.p99Ms());
    }

    @Test
    void aSaleTheFleetServesAnywayLooksTheSameEitherWay() {
        int opens = (int) Duration.between(DAY, Instant.parse("2026-12-05T10:00:00Z")).toSeconds();

        PreScalingSimulation.Result reactive = simulation.run(false, LEAD, HOLD, opens, opens + 600);
        PreScalingSimulation.Result planned = simulation.run(true, LEAD, HOLD, opens, opens + 600);

        assertThat(planned.readyAtOpen()).isEqualTo(reactive.readyAtOpen());
        assertThat(planned.refused()).isEqualTo(reactive.refused());
    }
}
