package org.boxoffice.loadtest;

import org.boxoffice.client.booking.model.WaitingRoomRequest;
import org.boxoffice.client.booking.model.WaitingRoomResponse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The benchmark's seed step: through the admin API (as the demo organizer, with the client generated from the
 * published contract, {@link Api}) a large venue and two on-sale events —
 * the surge event on every seat of the venue, the sell-out event on a small venue — and a pool of buyer accounts
 * registered on user-service's own port (8081), so the gateway's per-address registration budget does not apply to
 * seeding. Writes {@code seed.properties} and {@code buyers.csv} into the output directory for the simulation.
 *
 * <p>Usage: {@code Seed <outDir> <buyers> <seatedSections> <rows> <seatsPerRow> <gaAreas> <gaCapacity>}; the
 * gateway, user-service and demo password come from {@code BOXOFFICE_GATEWAY}, {@code BOXOFFICE_USER_URL} and
 * {@code .boxoffice/demo-password}.
 */
public final class Seed {

    /** Shared by every seeded buyer: 12+ characters and not containing the email's name, as the policy asks. */
    static final String BUYER_PASSWORD = "Surge-Bench-2026!q";

    private final Api api;

    Seed(Api api) {
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int buyers = Integer.parseInt(args[1]);
        int sections = Integer.parseInt(args[2]);
        int rows = Integer.parseInt(args[3]);
        int seatsPerRow = Integer.parseInt(args[4]);
        int gaAreas = Integer.parseInt(args[5]);
        int gaCapacity = Integer.parseInt(args[6]);
        Seed seed = new Seed(Api.fromEnvironment());
        Files.createDirectories(out);
        // Sessions of an earlier run (another platform, maybe other signing keys): the pre-sale logs in afresh.
        Files.deleteIfExists(out.resolve("tokens.csv"));
        seed.api.loginAsOrganizer();
        Properties props = new Properties();
        long started = System.nanoTime();
        seed.event("surge", "Surge Arena", sections, rows, seatsPerRow, gaAreas, gaCapacity, props);
        seed.waitingRoom(props.getProperty("surge.eventId"), System.getenv().getOrDefault("WAITING_ROOM", "off"), props);
        // The sell-out: a small hall (2 sections of 10 x 20, one standing area of 100) that many buyers chase.
        seed.event("sellout", "Sell-out Club", 2, 10, 20, 1, 100, props);
        seed.waitingList(System.getenv().getOrDefault("WAITING_LIST", "on"), props, "surge", "sellout");
        // The warm-up's own event (run-benchmark.sh's WARMUP_STEPS), open, so that warming the JIT sells none of the
        // measured events' tickets.
        seed.event("warmup", "Warm-up Hall", 1, 20, 50, 1, 1000, props);
        System.out.printf("seed: events created and published in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        started = System.nanoTime();
        seed.buyers(buyers, out.resolve("buyers.csv"));
        System.out.printf("seed: %d buyers ready in %d s%n", buyers, (System.nanoTime() - started) / 1_000_000_000);
        try (var writer = Files.newBufferedWriter(out.resolve("seed.properties"))) {
            props.store(writer, "written by org.boxoffice.loadtest.Seed");
        }
    }

    private void event(String key, String name, int sections, int rows, int seatsPerRow, int gaAreas, int gaCapacity,
            Properties props) throws Exception {
        Api.Venue venue = api.venue(name, sections, rows, seatsPerRow, gaAreas, gaCapacity);
        String eventId = api.onSaleEvent(venue, name + " on-sale benchmark");
        props.setProperty(key + ".eventId", eventId);
        props.setProperty(key + ".seatedSections", String.join(",", venue.seatedSections()));
        props.setProperty(key + ".gaSections", String.join(",", venue.gaSections()));
        props.setProperty(key + ".capacity", Integer.toString(sections * rows * seatsPerRow + gaAreas * gaCapacity));
        System.out.printf("seed: %s event %s: %d seats in %d sections + %d standing in %d areas%n", key, eventId,
                sections * rows * seatsPerRow, sections, gaAreas * gaCapacity, gaAreas);
    }

    /**
     * Puts the surge event behind a waiting room (docs/waiting-room.md) when {@code mode} is {@code auto} (AUTO from
     * {@code WAITING_ROOM_RATE}, default 300 per minute, within {@code WAITING_ROOM_MIN}..{@code WAITING_ROOM_MAX},
     * default 60..3000) or a number (that FIXED rate per minute); {@code off} leaves it open.
     */
    private void waitingRoom(String eventId, String mode, Properties props) throws Exception {
        if (mode.isBlank() || mode.equals("off")) {
            props.setProperty("surge.waitingRoom", "off");
            return;
        }
        WaitingRoomRequest setting = new WaitingRoomRequest().enabled(true);
        if (mode.equals("auto")) {
            setting.mode(WaitingRoomRequest.ModeEnum.AUTO)
                    .ratePerMinute(Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_RATE", "300")))
                    .minRatePerMinute(Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_MIN", "60")))
                    .maxRatePerMinute(Integer.parseInt(System.getenv().getOrDefault("WAITING_ROOM_MAX", "3000")));
        } else {
            setting.mode(WaitingRoomRequest.ModeEnum.FIXED).ratePerMinute(Integer.parseInt(mode));
        }
        setting.opensMinutesBeforeSale(0).passMinutes(10);
        WaitingRoomResponse room = api.waitingRoom(eventId, setting);
        props.setProperty("surge.waitingRoom", room.getMode() + " " + room.getRatePerMinute() + "/min ("
                + room.getMinRatePerMinute() + ".." + room.getMaxRatePerMinute() + ")");
        System.out.printf("seed: surge event behind a waiting room: %s%n", props.getProperty("surge.waitingRoom"));
    }

    /**
     * Turns the events' sold-out waiting lists on unless {@code mode} is {@code off}: buyers who find their section sold
     * out line up, and the tickets given back during the sale are offered to them ({@code WAITING_LIST_CLAIM_MINUTES},
     * default 2, per offer; docs/commerce.md). The audit checks that freed tickets reached the lines.
     */
    private void waitingList(String mode, Properties props, String... keys) throws Exception {
        boolean on = !mode.equals("off");
        int minutes = Integer.parseInt(System.getenv().getOrDefault("WAITING_LIST_CLAIM_MINUTES", "2"));
        for (String key : keys) {
            if (on) {
                api.waitingList(props.getProperty(key + ".eventId"), minutes);
            }
            props.setProperty(key + ".waitingList", on ? "on" : "off");
        }
        System.out.printf("seed: waiting lists %s%n", on ? "on, offers open " + minutes + " min" : "off");
    }

    /** Registers the benchmark's buyers (or finds them registered by an earlier run) and lists them for Gatling. */
    private void buyers(int count, Path csv) throws Exception {
        registerBuyers(api, "lt-buyer-", count);
        List<String> lines = new ArrayList<>(List.of("email,password"));
        for (int i = 0; i < count; i++) {
            lines.add("lt-buyer-" + i + "@load.boxoffice.dev," + BUYER_PASSWORD);
        }
        Files.write(csv, lines);
    }

    /**
     * Registers {@code <prefix>0@load.boxoffice.dev} … with {@link #BUYER_PASSWORD}, 4 at a time: user-service hashes
     * each password and answers 429 when its hashing slots are busy, which {@link Api#send} waits out. When the first
     * and the last of them can log in, an earlier run registered them all and none is registered again: registering
     * an existing email answers 201 as well, but mails its owner (docs/security.md), and thousands of such mails would
     * be sent during a benchmark.
     */
    static void registerBuyers(Api api, String prefix, int count) throws Exception {
        if (api.login(prefix + "0@load.boxoffice.dev", BUYER_PASSWORD) != null
                && api.login(prefix + (count - 1) + "@load.boxoffice.dev", BUYER_PASSWORD) != null) {
            System.out.println("seed: the buyers " + prefix + "* of an earlier run are all registered");
            return;
        }
        Semaphore parallel = new Semaphore(4);
        List<Future<?>> done = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                String email = prefix + i + "@load.boxoffice.dev";
                done.add(executor.submit(() -> {
                    parallel.acquire();
                    try {
                        api.register(email, BUYER_PASSWORD, "Load buyer");
                    } finally {
                        parallel.release();
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
    }
}
