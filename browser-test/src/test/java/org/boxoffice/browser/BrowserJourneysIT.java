package org.boxoffice.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web front end's two journeys in a real headless Chromium against the whole platform: a buyer picks seats on
 * the map and holds them, is declined (the order fails and frees them), holds the best two and pays, and gets tickets with QR codes; an organizer builds a venue and an
 * event, prices and publishes it, uploads its image with a description (the buyer's pages load it from the object
 * storage, with the description as its alt), and checks the buyer's ticket in (twice: the second is refused); an organizer
 * sets an event's tax, fee and a promo code, and a buyer pays with the code, sees the discount, fee and tax on the order and
 * downloads its invoice PDF. Screenshots of the
 * pages go to docs/screenshots/ (README, docs/web.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(BrowserJourneysIT.ShowFailure.class)
class BrowserJourneysIT {

    private static final Path ROOT = Path.of(System.getProperty("boxoffice.root", "..")).toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = ROOT.resolve("docs/screenshots");
    private static final String DEMO_EVENT = "The Demo Tour";
    private static final String BUYER_EMAIL = "buyer-" + System.currentTimeMillis() + "@browser-test.boxoffice.dev";
    private static final String BUYER_PASSWORD = "Browser-" + java.util.UUID.randomUUID();
    private static final String IMAGE_DESCRIPTION = "Five stage lights against a purple evening sky";

    private static final AccessibilityAudit AUDIT = new AccessibilityAudit(
            ROOT.resolve("browser-test/target/accessibility.txt"));
    /** The failing violations of the journey that runs now (noPageOfTheJourneyFailedItsAudit). */
    private static final List<String> FAILED_AUDITS = new java.util.ArrayList<>();

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static String ticketCode;
    private static String protectedEvent;

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        if (!Chromium.installed()) {
            System.err.println("[browser-test] SKIPPED: " + Chromium.missing());
            return;
        }
        Path target = ROOT.resolve("browser-test/target");
        Files.deleteIfExists(target.resolve("accessibility.txt"));
        platform = LocalPlatform.start(ROOT, target.resolve("platform.log"));
        Path profile = Files.createTempDirectory(target, "chromium-profile-");
        browser = Chromium.start(profile, "en-US");
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Each journey is reported as skipped, with the reason, when the machine has no Chromium. */
    @BeforeEach
    void needsChromium() {
        Assumptions.assumeTrue(Chromium.installed(), Chromium::missing);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aNewBuyerPicksSeatsOnTheMapHoldsThemPaysAndGetsTickets() throws IOException {
        // A new account each run: the demo buyer's per-buyer ticket limit would run out over repeated runs.
        open("/#/register");
        audit("register");
        type(By.id("register-email"), BUYER_EMAIL);
        type(By.id("register-password"), BUYER_PASSWORD);
        type(By.id("register-name"), "Browser Buyer");
        browser.findElement(By.id("register-submit")).click();
        awaitPage("#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nav a[href='#/account']")));
        open("/#/");
        WebElement event = wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(DEMO_EVENT)));
        screenshot("events");
        event.click();

        List<WebElement> free = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("circle.seat.free"), 2));
        List<String> seats = free.subList(free.size() - 2, free.size()).stream().map(e -> e.getAttribute("data-seat")).toList();
        for (String seat : seats) {
            wait.until(d -> {
                d.findElement(By.cssSelector("circle[data-seat='" + seat + "']")).click();
                return true;
            });
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("circle[data-seat='" + seat + "']"), "aria-checked", "true"));
        }
        assertThat(text("#selection")).contains("Selected:");
        screenshot("seat-map");
        phone(() -> screenshot("seat-map-phone"));
        browser.findElement(By.id("hold-selected")).click();

        wait.until(ExpectedConditions.textMatches(By.id("hold-countdown"), java.util.regex.Pattern.compile("Held for another \\d+:\\d\\d")));
        screenshot("hold");
        browser.findElement(By.id("checkout")).click();

        // A declined card first: the problem is shown and the buyer can pay with another card.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-form")));
        type(By.id("card-number"), "4000000000000002");
        browser.findElement(By.id("pay")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-problem-type='payment-failed']")));
        // The declined order failed and gave its seats back: the buyer takes the best two now and pays.
        wait.until(ExpectedConditions.elementToBeClickable(By.id("choose-again")));
        screenshot("payment-declined");
        browser.findElement(By.id("choose-again")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hold-best"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("checkout"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-form")));
        type(By.id("card-number"), "4242424242424242");
        browser.findElement(By.id("pay")).click();

        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.ticket"), 2));
        assertThat(text("#order-status")).contains("CONFIRMED");
        assertThat(browser.findElements(By.cssSelector("article.ticket svg.qr-code path"))).hasSize(2);
        ticketCode = text("article.ticket .ticket-code");
        screenshot("tickets");
        phone(() -> screenshot("tickets-phone"));
    }

    @Test
    @Order(2)
    void anOrganizerBuildsAVenueAndAnEventPublishesItAndChecksATicketIn() throws IOException {
        logOut();
        logIn("organizer@demo.boxoffice.dev", platform.demoPassword);
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);

        buildVenue("Browser Hall " + suffix, "Porto", "M", "Main floor", "C", 8);
        // Seat A-1 is wheelchair accessible, A-2 has a restricted view: buyers see both on the seat map.
        flagSeat("Row A seat 1", "accessible", "A-1");
        flagSeat("Row A seat 2", "restrictedView", "A-2");
        assertThat(text(".seat-flags-block [data-flag='accessible']")).endsWith(": A-1");
        assertThat(text(".seat-flags-block [data-flag='restrictedView']")).endsWith(": A-2");
        screenshot("organizer-venue");

        browser.findElement(By.id("venue-new-event")).click();
        type(By.id("event-title"), "Browser Night " + suffix);
        browser.findElement(By.id("event-create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tiers-save"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Saved."));
        awaitRedrawnWithTiers();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("event-publish"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("event-status"), "PUBLISHED"));
        screenshot("organizer-event");
        uploadEventImage();

        open("/#/?q=" + suffix);
        assertImageShown(By.cssSelector("img.card-image"));
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Browser Night " + suffix))).click();
        WebElement image = assertImageShown(By.cssSelector("main img.event-image"));
        assertThat(image.getDomAttribute("alt")).as("the organizer's description is its text alternative")
                .isEqualTo(IMAGE_DESCRIPTION);
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        screenshot("event-image");
        WebElement accessible = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("circle.seat.accessible[data-row='A'][data-number='1']")));
        assertThat(accessible.getDomAttribute("aria-label")).isEqualTo("Row A seat 1 (Accessible)");
        WebElement restricted = browser.findElement(By.cssSelector("circle.seat.restricted[data-row='A'][data-number='2']"));
        assertThat(restricted.getDomAttribute("aria-label")).isEqualTo("Row A seat 2 (Restricted view)");
        assertThat(browser.findElements(By.cssSelector("circle.seat.restricted, circle.seat.accessible"))).hasSize(2);
        // Below the event's image now: the seat map in view for its screenshot (the 5 s poll may redraw it).
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelector('svg.seat-map').scrollIntoView({block: 'center'});");
        screenshot("seat-flags");

        assertThat(ticketCode).as("the buyer's journey left a ticket to check in").isNotBlank();
        open("/#/admin/check-in");
        type(By.id("checkin-code"), ticketCode);
        browser.findElement(By.id("checkin-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-result"), "Admitted"));
        screenshot("check-in");
        type(By.id("checkin-code"), ticketCode);
        browser.findElement(By.id("checkin-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-problem-type='ticket-already-checked-in']")));
        screenshot("check-in-refused");

        // The organizer protects the new event with a waiting room, for the next journey.
        open("/#/admin");
        audit("organizer-console");
        browser.findElement(By.partialLinkText("Browser Night " + suffix)).click();
        WebElement room = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("waiting-room-form")));
        WebElement enabled = room.findElement(By.name("enabled"));
        if (!enabled.isSelected()) {
            enabled.click();
        }
        room.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Saved."));
        protectedEvent = "Browser Night " + suffix;
    }

    @Test
    @Order(3)
    void aBuyerOfAProtectedEventQueuesInTheWaitingRoomAndIsLetInAutomatically() throws IOException {
        assertThat(protectedEvent).as("the organizer's journey left an event with a waiting room").isNotNull();
        logOut();
        logIn(BUYER_EMAIL, BUYER_PASSWORD);
        open("/#/?q=" + protectedEvent.substring(protectedEvent.lastIndexOf(' ') + 1));
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(protectedEvent))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hold-best"))).click();
        wait.until(ExpectedConditions.urlContains("/queue"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".queue p, .queue .stats")));
        screenshot("waiting-room");
        // Admitted by the gateway's ticker, the buyer is back on the event with a pass and holds.
        new WebDriverWait(browser, Duration.ofSeconds(90)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.elementToBeClickable(By.id("hold-best"))).click();
        wait.until(ExpectedConditions.textMatches(By.id("hold-countdown"), java.util.regex.Pattern.compile("Held for another")));
    }

    private static void logIn(String email, String password) {
        open("/#/login");
        audit("login");
        type(By.id("login-email"), email);
        type(By.id("login-password"), password);
        browser.findElement(By.id("login-submit")).click();
        awaitPage("#/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nav a[href='#/account']")));
    }

    @Test
    @Order(4)
    void theBuyerHoldsGeneralAdmissionPlacesByQuantityAndReleasesThem() throws IOException {
        open("/#/");
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText(DEMO_EVENT))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("g.section-block[data-section='FLOOR']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hold-ga")));
        type(By.cssSelector("form:has(#hold-ga) input[name='quantity']"), "3");
        screenshot("general-admission");
        browser.findElement(By.id("hold-ga")).click();
        wait.until(ExpectedConditions.textMatches(By.id("hold-countdown"), java.util.regex.Pattern.compile("Held for another")));
        assertThat(text("ul.lines")).contains("Standing floor").contains("3 ×");
        browser.findElement(By.cssSelector(".actions button.secondary")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("g.section-block[data-section='FLOOR']")));

        // The new account's email address is not verified yet: the account page sends the code.
        open("/#/account");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send-code"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), BUYER_EMAIL));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verification-code")));
        screenshot("account");
    }

    @Test
    @Order(5)
    void speaksTheBrowsersLanguageAndShowsProblemsInIt() throws IOException {
        Path profile = Files.createTempDirectory(ROOT.resolve("browser-test/target"), "chromium-profile-de-");
        ChromeDriver german = Chromium.start(profile, "de-DE");
        try {
            WebDriverWait waitGerman = new WebDriverWait(german, Duration.ofSeconds(30));
            german.get(platform.url + "/#/login");
            waitGerman.until(d -> "#/login".equals(d.findElement(By.id("main")).getDomAttribute("data-ready")));
            assertThat(german.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("de");
            german.findElement(By.id("login-email")).sendKeys("organizer@demo.boxoffice.dev");
            german.findElement(By.id("login-password")).sendKeys("not-the-password");
            german.findElement(By.id("login-submit")).click();
            WebElement problem = waitGerman.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[data-problem-type='invalid-credentials']")));
            assertThat(problem.getText()).contains("E-Mail oder Passwort falsch.");
            collect(AUDIT.audit(german, "login-problem-de"));
            Path shot = german.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve("login-problem-de.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            german.quit();
        }
    }

    @Test
    @Order(6)
    void anOrganizerSetsACodeATaxAndAFeeAndABuyerPaysWithTheCodeAndDownloadsTheInvoice() throws IOException {
        // Self-contained: it runs alone too (-Dit.test=BrowserJourneysIT#anOrganizerSets…).
        logIn("organizer@demo.boxoffice.dev", platform.demoPassword);
        String suffix = Long.toString(System.currentTimeMillis() % 1_000_000);
        buildVenue("Commerce Hall " + suffix, "Lisbon", "S", "Stalls", "B", 6);
        browser.findElement(By.id("venue-new-event")).click();
        type(By.id("event-title"), "Commerce Night " + suffix);
        browser.findElement(By.id("event-create")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tiers-save"))).click(); // 50.00 a seat
        awaitRedrawnWithTiers();

        // VAT 19 % on top of the price, and a service fee of 1.50 a ticket (taxed like the ticket).
        type(By.id("tax-label"), "VAT");
        type(By.id("tax-rate"), "19");
        new org.openqa.selenium.support.ui.Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("tax-included"))))
                .selectByValue("false");
        type(By.id("fee-fixed"), "1.50");
        browser.findElement(By.id("charges-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("charges-summary"),
                "VAT 19 % (added) · service fee €1.50 per ticket"));

        // A 10 % code; disabled and enabled again (the list says which it is).
        type(By.id("code-text"), "save10");
        type(By.id("code-percent"), "10");
        type(By.id("code-max-uses"), "5");
        browser.findElement(By.id("code-create")).click();
        By code = By.cssSelector("#code-list li[data-code='SAVE10']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(code, "10 % off"));
        assertThat(text("#code-list li[data-code='SAVE10']")).contains("every ticket").contains("Used 0 of 5");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-toggle-code='SAVE10']"))).click();
        wait.until(ExpectedConditions.attributeToBe(code, "data-enabled", "false"));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-toggle-code='SAVE10']"))).click();
        wait.until(ExpectedConditions.attributeToBe(code, "data-enabled", "true"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('charges').scrollIntoView();");
        screenshot("organizer-codes");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("event-publish"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("event-status"), "PUBLISHED"));
        String eventPage = browser.getCurrentUrl();

        // A new buyer holds two seats; an unknown code is refused and the hold stays; SAVE10 is taken.
        logOut();
        open("/#/register");
        type(By.id("register-email"), "code-" + BUYER_EMAIL);
        type(By.id("register-password"), BUYER_PASSWORD);
        browser.findElement(By.id("register-submit")).click();
        awaitPage("#/");
        open("/#/?q=" + suffix);
        wait.until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Commerce Night " + suffix))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("hold-best"))).click();
        wait.until(ExpectedConditions.textMatches(By.id("hold-countdown"), java.util.regex.Pattern.compile("Held for another")));
        type(By.id("promo-code"), "NOPE99");
        browser.findElement(By.id("checkout")).click();
        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-problem-type='unknown-code']")));
        assertThat(refused.getText()).contains("The code NOPE99 does not exist for this event.");
        assertThat(browser.findElement(By.id("promo-code")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("checkout")).isEnabled()).as("the hold is still active").isTrue();
        screenshot("promo-code-refused");
        phone(() -> { });
        type(By.id("promo-code"), "save10");
        browser.findElement(By.id("checkout")).click();

        // Two 50.00 seats: 10 % off each (5.00), fee 1.50 each, VAT 19 % of 46.50 = 8.835 → 8.84 each.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pay-form")));
        assertThat(text("dd[data-sum='subtotal']")).isEqualTo("€100.00");
        assertThat(text("dt[data-sum='discount']")).isEqualTo("Discount SAVE10");
        assertThat(text("dd[data-sum='discount']")).isEqualTo("-€10.00");
        assertThat(text("dd[data-sum='fee']")).isEqualTo("€3.00");
        assertThat(text("dt[data-sum='tax']")).isEqualTo("VAT 19 % (added)");
        assertThat(text("dd[data-sum='tax']")).isEqualTo("€17.68");
        assertThat(text("dd[data-sum='total']")).isEqualTo("€110.68");
        assertThat(text("li[data-line='0']")).contains("Discount SAVE10").contains("-€5.00").contains("Service fee")
                .contains("€1.50").contains("€8.84").contains("€55.34");
        assertThat(text("#pay")).contains("€110.68");
        type(By.id("card-number"), "4242424242424242");
        browser.findElement(By.id("pay")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("article.ticket"), 2));

        // The invoice: its link answers a PDF, and clicking it saves the PDF.
        WebElement invoice = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#invoices .invoice-link[data-kind='INVOICE']")));
        assertThat(invoice.getText()).matches("Invoice INV-\\d{6} \\(PDF\\)");
        assertPdf(invoice.getDomAttribute("href"));
        screenshot("order-charges");
        phone(() -> screenshot("order-charges-phone"));
        Path downloads = Files.createTempDirectory(ROOT.resolve("browser-test/target"), "downloads-");
        browser.executeCdpCommand("Browser.setDownloadBehavior",
                java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        invoice.click();
        Path saved = downloads.resolve(invoice.getDomAttribute("data-number") + ".pdf");
        wait.until(d -> Files.isRegularFile(saved) && saved.toFile().length() > 0);
        assertThat(new String(Files.readAllBytes(saved), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        assertThat(browser.findElements(By.cssSelector("#invoices [data-problem-type]"))).isEmpty();

        // The organizer downloads the same order's invoice from the console.
        logOut();
        logIn("organizer@demo.boxoffice.dev", platform.demoPassword);
        browser.get(eventPage);
        awaitPage(eventPage.substring(eventPage.indexOf('#')));
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-invoices]"))).click();
        WebElement organizerInvoice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".order-invoices .invoice-link[data-kind='INVOICE']")));
        assertThat(organizerInvoice.getDomAttribute("href")).startsWith("/api/v1/admin/events/");
        assertPdf(organizerInvoice.getDomAttribute("href"));
    }

    /**
     * After saving an event's tiers: waits for its page drawn again with them (the codes form offers the tier), so
     * that nothing typed or clicked next lands on the page being replaced.
     */
    private static void awaitRedrawnWithTiers() {
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#code-form input[name='tierNames'][value='Standard']")));
    }

    /** In the console: a new venue with one seated section of rows A to {@code lastRow}, seats 1 to {@code seats}. */
    private static void buildVenue(String name, String city, String code, String section, String lastRow, int seats) {
        open("/#/admin/venues/new");
        type(By.id("venue-name"), name);
        type(By.id("venue-address"), "1 Test Street");
        type(By.id("venue-city"), city);
        browser.findElement(By.id("venue-create")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), name));
        type(By.id("section-code"), code);
        type(By.id("section-name"), section);
        type(By.id("rows-to"), lastRow);
        type(By.id("seats-to"), Integer.toString(seats));
        browser.findElement(By.id("section-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main table"), section));
    }

    /**
     * Fetches {@code path} in the page with the session's token, as the page's link does, and checks that it answers
     * 200 with a PDF.
     */
    private static void assertPdf(String path) {
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const session = JSON.parse(localStorage.getItem('boxoffice.session'));
                fetch(arguments[0], { headers: { Authorization: 'Bearer ' + session.accessToken } })
                  .then(async r => done([r.status, r.headers.get('Content-Type'),
                    String.fromCharCode(...new Uint8Array(await r.arrayBuffer()).slice(0, 5))]))
                  .catch(e => done(['failed', String(e), '']));""", path);
        assertThat(answer).as("GET " + path).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(200L, "application/pdf", "%PDF-");
    }

    /**
     * On the organizer's event page: uploads a picture (a PNG the test draws) with its description, and waits for the
     * stored image to be shown there with the description as its text alternative.
     */
    private static void uploadEventImage() throws IOException {
        Path picture = ROOT.resolve("browser-test/target/event-image.png");
        Files.write(picture, TestImages.png(1200, 600));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("event-image-file"))).sendKeys(picture.toString());
        type(By.id("event-image-description"), IMAGE_DESCRIPTION);
        browser.findElement(By.id("event-image-save")).click();
        WebElement preview = assertImageShown(By.cssSelector(".image-preview img"));
        assertThat(preview.getDomAttribute("alt")).isEqualTo(IMAGE_DESCRIPTION);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", preview);
        screenshot("organizer-event-image");
    }

    /**
     * Waits until the browser has loaded and decoded the image (it has a natural width), served by the platform's
     * media endpoint; returns it.
     */
    private static WebElement assertImageShown(By image) {
        WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(image));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const i = arguments[0]; return i.complete && i.naturalWidth > 0;", d.findElement(image))));
        String source = (String) ((JavascriptExecutor) browser).executeScript("return arguments[0].currentSrc;",
                browser.findElement(image));
        assertThat(source).as("loaded from the platform's object storage")
                .startsWith(platform.url + "/api/v1/media/images/");
        return browser.findElement(image);
    }

    /** From the account page, so that the events page it ends on is the one rendered after logging out. */
    private static void logOut() {
        open("/#/account");
        browser.findElement(By.cssSelector("#nav button")).click();
        awaitPage("#/");
    }

    private static void open(String path) {
        browser.get(platform.url + path);
        awaitPage(path.substring(path.indexOf('#')));
    }

    /** Waits until the page of that address has rendered (main.js marks it when its data is on the page). */
    private static void awaitPage(String hash) {
        wait.until(d -> hash.equals(d.findElement(By.id("main")).getDomAttribute("data-ready")));
    }

    private static void type(By field, String value) {
        // Found again if a redraw replaced it meanwhile (the wait ignores stale elements).
        wait.until(d -> {
            WebElement element = ExpectedConditions.visibilityOfElementLocated(field).apply(d);
            if (element == null) {
                return false;
            }
            element.clear();
            element.sendKeys(value);
            return true;
        });
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** Runs at a phone's width (375 px) and checks that nothing makes the page scroll sideways. */
    private static void phone(ThrowingRunnable body) throws IOException {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(375, 812));
        try {
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as("horizontal overflow at 375 px").isLessThanOrEqualTo(0);
            body.run();
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    /** A main page: its screenshot for the docs, then its accessibility audit. */
    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        audit(name);
    }

    /**
     * Runs axe-core on the page the browser shows now. What fails the journey (AccessibilityAudit) is collected and
     * asserted when the journey ends, so that one run names every page's violations, not only the first page's.
     */
    private static void audit(String page) {
        collect(AUDIT.audit(browser, page));
    }

    private static void collect(List<AccessibilityAudit.Violation> violations) {
        violations.stream().filter(AccessibilityAudit.Violation::failing).map(Object::toString)
                .forEach(FAILED_AUDITS::add);
    }

    @AfterEach
    void noPageOfTheJourneyFailedItsAudit() {
        List<String> failed = List.copyOf(FAILED_AUDITS);
        FAILED_AUDITS.clear();
        assertThat(failed).as("accessibility violations that fail a journey (WCAG A/AA at any impact, best practices "
                + "when serious or critical; axe-core, all findings in browser-test/target/accessibility.txt)")
                .isEmpty();
    }

    /**
     * On the venue page: picks the seat named {@code seatLabel} in section M's flags form, ticks {@code flag}, saves,
     * and waits for the redrawn page to list {@code seat} under that flag.
     */
    private static void flagSeat(String seatLabel, String flag, String seat) {
        wait.until(d -> {
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("flag-seat-M"))).selectByVisibleText(seatLabel);
            WebElement box = d.findElement(By.cssSelector("#seat-flags-M input[name='" + flag + "']"));
            if (!box.isSelected()) {
                box.click();
            }
            d.findElement(By.id("seat-flags-save-M")).click();
            return true;
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".seat-flags-block [data-flag='" + flag + "']"), seat));
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws IOException;
    }

    /** On a failure: the page's address and text in the test output, and a screenshot in target/. */
    static final class ShowFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser == null) {
                return;
            }
            try {
                System.out.println("Page at failure: " + browser.getCurrentUrl() + "\n"
                        + browser.findElement(By.tagName("body")).getText());
                Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, ROOT.resolve("browser-test/target/failure-" + context.getRequiredTestMethod().getName()
                        + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (RuntimeException | IOException e) {
                System.out.println("No screenshot of the failure: " + e);
            }
        }
    }
}
