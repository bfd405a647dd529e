package org.boxoffice.booking.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingApplication;
import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.invoice.Invoice;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.PaymentOutcomes;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirmations per second of ONE organization: every confirmation takes the next number of the same invoice series,
 * whose row stays locked until the confirmation commits, so whatever runs between taking the number and the commit
 * runs one confirmation at a time. Each request is what a {@code PaymentSucceeded} does
 * ({@link PaymentOutcomes#paymentSucceeded} in a transaction: order confirmed, seats sold, tickets issued, invoice
 * numbered, {@code OrderConfirmed} written to the outbox, which the relay publishes meanwhile); the orders are
 * placed beforehand, untimed. Then the time to render one invoice PDF, the work that moved out of that lock. Run: see
 * docs/performance.md "Invoice numbering and the confirmation".
 */
public final class ConfirmationBenchmark {

    private static final String EMAIL = "buyer@test.boxoffice.dev";

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        SpringApplication application = new SpringApplication(BookingApplication.class);
        application.addInitializers(new InfrastructureInitializer());
        application.setDefaultProperties(java.util.Map.of("server.port", "0", "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = application.run()) {
            Bench bench = new Bench(context);
            bench.confirm(bench.pending(100), concurrency);
            HoldBenchmark.report("confirmations, one organization, " + concurrency + " at a time (warm-up discarded)",
                    bench.confirm(bench.pending(orders), concurrency));
            bench.renderEach(200);
        }
        System.exit(0);
    }

    private static final class Bench {

        private final HoldService holds;
        private final Checkout checkout;
        private final PaymentOutcomes payments;
        private final TransactionTemplate transactions;
        private final Invoicing invoicing;
        private final BookingFixture fixture;
        private final EventService events;
        private final List<UUID> confirmed = new ArrayList<>();

        Bench(ConfigurableApplicationContext context) {
            holds = context.getBean(HoldService.class);
            checkout = context.getBean(Checkout.class);
            payments = context.getBean(PaymentOutcomes.class);
            transactions = context.getBean(TransactionTemplate.class);
            invoicing = context.getBean(Invoicing.class);
            events = context.getBean(EventService.class);
            fixture = new BookingFixture(context.getBean(VenueService.class), events);
        }

        /** {@code count} orders of one event of a new organization with seller details, VAT and a fee, unpaid. */
        List<Order> pending(int count) throws Exception {
            OnSale sale = fixture.onSale(1, 1, count, 1, 1, draft -> events.setCharges(
                    BookingFixture.ANY_ORGANIZATION, draft.id(), new Charges("VAT", 1_900, false, 150, 0)));
            invoicing.setIssuer(BookingFixture.ANY_ORGANIZATION, sale.organizationId(), "Fixture Hall Lda",
                    "Rua 1\n1000-001 Lisboa", "PT123456789");
            Order[] placed = new Order[count];
            HoldBenchmark.measure(8, count, i -> {
                UUID buyer = UUID.randomUUID();
                var hold = holds.hold(buyer, EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(),
                        sale.floor().id(), 1));
                placed[i] = checkout.checkout(buyer, hold.id());
            });
            return List.of(placed);
        }

        HoldBenchmark.Result confirm(List<Order> orders, int concurrency) throws Exception {
            HoldBenchmark.Result result = HoldBenchmark.measure(concurrency, orders.size(), i -> {
                Order order = orders.get(i);
                transactions.executeWithoutResult(tx -> payments.paymentSucceeded(order.id(), UUID.randomUUID(),
                        order.bill().totalMinor()));
            });
            if (result.wins() != orders.size()) {
                throw new IllegalStateException((orders.size() - result.wins()) + " confirmations failed");
            }
            orders.forEach(order -> confirmed.add(order.id()));
            return result;
        }

        /** One confirmed order's invoice rendered, {@code count} times over different invoices, one at a time. */
        void renderEach(int count) {
            long total = 0;
            for (int i = 0; i < count; i++) {
                Invoice invoice = invoicing.documents(confirmed.get(confirmed.size() - 1 - i)).getFirst();
                long start = System.nanoTime();
                invoicing.pdf(invoice);
                total += System.nanoTime() - start;
            }
            System.out.printf("invoice PDF rendering: %.2f ms each (mean of %d, one at a time)%n",
                    total / 1e6 / count, count);
        }
    }
}
