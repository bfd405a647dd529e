package org.boxoffice.loadtest;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.boxoffice.client.booking.api.HoldsApi;
import org.boxoffice.client.booking.api.OrdersApi;
import org.boxoffice.client.booking.model.CheckoutRequest;
import org.boxoffice.client.booking.model.CreateHoldRequest;
import org.boxoffice.client.booking.model.HoldResponse;
import org.boxoffice.client.booking.model.OrderResponse;
import org.boxoffice.client.booking.model.Quantity;
import org.boxoffice.client.payment.api.PaymentsApi;
import org.boxoffice.client.payment.api.SandboxProviderApi;
import org.boxoffice.client.payment.model.CardDetails;
import org.boxoffice.client.payment.model.CreatePaymentRequest;
import org.boxoffice.client.payment.model.PaymentResponse;
import org.boxoffice.client.payment.model.TokenResponse;

/**
 * The chaos run's steady load (load-test/chaos.sh, docs/reliability.md): {@code buyers} seeded buyers, each on a
 * virtual thread, loop hold → order → card at the sandbox → pay → follow the order to its outcome, through the gateway
 * with the typed clients of {@link Api}, until the stop file appears. Every request is logged to {@code requests.csv}
 * ({@code atMs,buyer,step,status,latencyMs,detail}; status 0 = no answer) so that each fault's window can be cut out of
 * it; each purchase's end is a {@code outcome} line whose detail is the order's last status.
 *
 * <p>As a real client: a step that got no answer, a 5xx or a 429 is sent again with the same {@code Idempotency-Key}
 * after a back-off (0.5 s doubling to 5 s) for up to {@link #GIVE_UP}; a 401 (a token that expired, or keys that
 * changed) logs in again. The cards rotate over the sandbox's scenarios (approved, declined, slow, webhook twice, out
 * of order); while the file {@code <out>/cards} says {@code webhooks}, only the last two are used (the webhook fault).
 *
 * <p>Usage: {@code ChaosLoad <seedDir> <outDir> <buyers>}; the gateway from {@code BOXOFFICE_GATEWAY}.
 */
public final class ChaosLoad {

    static final Duration GIVE_UP = Duration.ofSeconds(150);
    private static final List<String> MIXED = List.of("4242424242424242", "4242424242424242", "4242424242424242",
            "4000000000000002", "4000000000000077", "4000000000000259", "4000000000000341");
    private static final List<String> WEBHOOK_CARDS = List.of("4000000000000259", "4000000000000341");

    private final Api users;
    private final String gateway;
    private final String eventId;
    private final List<String> seated;
    private final List<String> standing;
    private final Path out;
    private final BufferedWriter log;
    private final AtomicLong started = new AtomicLong();

    private ChaosLoad(Api users, String gateway, Properties seed, Path out) throws Exception {
        this.users = users;
        this.gateway = gateway;
        this.eventId = seed.getProperty("surge.eventId");
        this.seated = List.of(seed.getProperty("surge.seatedSections").split(","));
        this.standing = List.of(seed.getProperty("surge.gaSections", "").split(",")).stream()
                .filter(s -> !s.isBlank()).toList();
        this.out = out;
        this.log = Files.newBufferedWriter(out.resolve("requests.csv"));
        log.write("atMs,buyer,step,status,latencyMs,detail\n");
    }

    public static void main(String[] args) throws Exception {
        Path seedDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int buyers = Integer.parseInt(args[2]);
        Files.createDirectories(out);
        Properties seed = new Properties();
        try (var reader = Files.newBufferedReader(seedDir.resolve("seed.properties"))) {
            seed.load(reader);
        }
        ChaosLoad load = new ChaosLoad(Api.fromEnvironment(),
                System.getenv().getOrDefault("BOXOFFICE_GATEWAY", "http://127.0.0.1:8080"), seed, out);
        Path stop = out.resolve("stop");
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < buyers; i++) {
                String email = "lt-buyer-" + i + "@load.boxoffice.dev";
                threads.submit(() -> load.buyer(email, stop));
            }
        }
        load.close();
        System.out.printf("chaos load: %d purchases started by %d buyers%n", load.started.get(), buyers);
    }

    /** One buyer's loop until the stop file appears. */
    private Void buyer(String email, Path stop) throws Exception {
        Buyer buyer = new Buyer(email);
        while (!Files.exists(stop)) {
            try {
                purchase(buyer);
            } catch (InterruptedException e) {
                return null;
            } catch (org.boxoffice.client.user.ApiException e) {
                // A login refused while user-service is busy or down: its status and problem type, as for the others.
                record(email, "login", e.getCode(), 0, problemType(e.getResponseBody(), e.getMessage()));
                Thread.sleep(1_000);
            } catch (Exception e) {
                // An answer the client cannot read.
                record(email, "error", 0, 0, e.toString());
                Thread.sleep(1_000);
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1_000));
        }
        return null;
    }

    /**
     * The caller's token, renewed on a 401, and its API objects through the gateway, made once: every generated API
     * object holds an HttpClient of its own (a selector thread and its connections), and making them per purchase ran
     * the load generator out of file descriptors within 15 minutes.
     */
    private final class Buyer {
        final String email;
        volatile String token;
        final HoldsApi holds;
        final OrdersApi orders;
        final PaymentsApi payments;
        /** The sandbox provider's tokenization, called without the buyer's token as a provider's script would. */
        final SandboxProviderApi provider;

        Buyer(String email) {
            this.email = email;
            Api.Clients clients = new Api.Clients(gateway, () -> token);
            this.holds = new HoldsApi(clients.booking);
            this.orders = new OrdersApi(clients.booking);
            this.payments = new PaymentsApi(clients.payment);
            this.provider = new SandboxProviderApi(new Api.Clients(gateway, () -> null).payment);
        }
    }

    private void purchase(Buyer buyer) throws Exception {
        started.incrementAndGet();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        CreateHoldRequest request = new CreateHoldRequest().eventId(UUID.fromString(eventId)).seatIds(null);
        int quantity = 1 + random.nextInt(2);
        if (!standing.isEmpty() && random.nextBoolean()) {
            request.generalAdmission(new Quantity().sectionId(UUID.fromString(standing.get(random.nextInt(
                    standing.size())))).quantity(quantity));
        } else {
            request.bestAvailable(new Quantity().sectionId(UUID.fromString(seated.get(random.nextInt(seated.size()))))
                    .quantity(quantity));
        }
        HoldsApi holds = buyer.holds;
        String holdKey = key();
        Answer<HoldResponse> hold = step(buyer, "hold", () -> holds.createHoldWithHttpInfo(request, null, holdKey));
        if (hold.data() == null) {
            return;
        }
        OrdersApi orders = buyer.orders;
        String orderKey = key();
        Answer<OrderResponse> order = step(buyer, "order", () -> orders.createOrderWithHttpInfo(
                new CheckoutRequest().holdId(hold.data().getId()), orderKey));
        if (order.data() == null) {
            return;
        }
        UUID orderId = order.data().getId();
        List<String> cards = "webhooks".equals(cardMode()) ? WEBHOOK_CARDS : MIXED;
        String card = cards.get(random.nextInt(cards.size()));
        Answer<TokenResponse> token = step(buyer, "card", () -> buyer.provider
                .createSandboxTokenWithHttpInfo(new CardDetails().number(card).expMonth(12).expYear(2030).cvc("123"),
                        Map.of("Idempotency-Key", key())));
        if (token.data() == null) {
            return;
        }
        String payKey = key();
        PaymentsApi payments = buyer.payments;
        Answer<PaymentResponse> payment = step(buyer, "pay:" + card.substring(12), () -> payments
                .createPaymentWithHttpInfo(payKey, new CreatePaymentRequest().orderId(orderId)
                        .paymentMethod(token.data().getId())));
        if (payment.status() != 201 && payment.status() != 409 && payment.status() != 503) {
            return;
        }
        follow(buyer, orders, orderId);
    }

    /** Polls the order until it leaves PENDING_PAYMENT (or GIVE_UP passes) and logs its outcome. */
    private void follow(Buyer buyer, OrdersApi orders, UUID orderId) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        String status = "PENDING_PAYMENT";
        while (status.equals("PENDING_PAYMENT") && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            Answer<OrderResponse> current = step(buyer, "follow", () -> orders.getOrderWithHttpInfo(orderId));
            if (current.data() != null) {
                status = current.data().getStatus().getValue();
            }
        }
        record(buyer.email, "outcome", 200, 0, orderId + " " + status);
    }

    /** A step's last answer: its status (0: none) and its body when it succeeded. */
    record Answer<T>(int status, T data) {
    }

    /**
     * Sends one step, and again with the same call (so the same Idempotency-Key) after no answer, a 5xx or a 429,
     * backing off, until it is answered otherwise or {@link #GIVE_UP} passes; a 401 logs in again first.
     */
    @SuppressWarnings("unchecked")
    private <T> Answer<T> step(Buyer buyer, String step, Callable<?> call) throws Exception {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long backoff = 500;
        while (true) {
            if (buyer.token == null) {
                buyer.token = users.login(buyer.email, Seed.BUYER_PASSWORD);
            }
            long start = System.nanoTime();
            Answer<T> answer;
            String detail = "";
            try {
                Object response = call.call();
                answer = switch (response) {
                    case org.boxoffice.client.booking.ApiResponse<?> r -> new Answer<>(r.getStatusCode(), (T) r.getData());
                    case org.boxoffice.client.payment.ApiResponse<?> r -> new Answer<>(r.getStatusCode(), (T) r.getData());
                    default -> throw new IllegalArgumentException("not a generated client's response: " + response);
                };
            } catch (org.boxoffice.client.booking.ApiException e) {
                answer = new Answer<>(e.getCode(), null);
                detail = problemType(e.getResponseBody(), e.getMessage());
            } catch (org.boxoffice.client.payment.ApiException e) {
                answer = new Answer<>(e.getCode(), null);
                detail = problemType(e.getResponseBody(), e.getMessage());
            }
            record(buyer.email, step, answer.status(), (System.nanoTime() - start) / 1_000_000, detail);
            if (answer.status() == 401) {
                buyer.token = null;
            }
            boolean retry = answer.status() == 0 || answer.status() >= 500 || answer.status() == 429
                    || answer.status() == 401;
            if (!retry || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(250));
            backoff = Math.min(backoff * 2, 5_000);
        }
    }

    private String cardMode() {
        try {
            return Files.readString(out.resolve("cards")).trim();
        } catch (java.io.IOException e) {
            return "mixed";
        }
    }

    private synchronized void record(String buyer, String step, int status, long latencyMs, String detail) {
        try {
            log.write(System.currentTimeMillis() + "," + buyer.substring(0, buyer.indexOf('@')) + "," + step + ","
                    + status + "," + latencyMs + "," + detail.replace(',', ';').replace('\n', ' ') + "\n");
            log.flush();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private synchronized void close() throws java.io.IOException {
        log.close();
    }

    /** The problem's type name from an error body, else the client's message (e.g. the connection refused). */
    private static String problemType(String body, String message) {
        if (body != null) {
            int at = body.indexOf("\"type\"");
            if (at >= 0) {
                int start = body.indexOf('"', body.indexOf(':', at) + 1) + 1;
                String type = body.substring(start, body.indexOf('"', start));
                return type.substring(type.lastIndexOf('/') + 1);
            }
        }
        return message == null ? "" : message.length() > 120 ? message.substring(0, 120) : message;
    }

    private static String key() {
        return "chaos-" + UUID.randomUUID();
    }
}
