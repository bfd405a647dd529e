package org.boxoffice.booking.ticket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.storage.ObjectStore;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer downloads their ticket as a PDF through a short-lived signed link: the PDF is rendered once and kept in the
 * object store; another account, an expired link and an altered one get a clear 4xx and no PDF.
 */
@IntegrationTest
class TicketPdfIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    TicketService tickets;
    @Autowired
    TicketSigner signer;
    @Autowired
    ObjectStore store;

    @Test
    void theOwnerDownloadsTheTicketPdfThroughASignedLinkAndItIsStoredOnce() throws Exception {
        UUID buyer = UUID.randomUUID();
        Ticket ticket = ticketOf(buyer);
        String token = TestTokens.buyer(buyer);

        HttpResponse<byte[]> link = get("/api/v1/tickets/" + ticket.id() + "/pdf-link", token);
        assertThat(link.statusCode()).as(new String(link.body())).isEqualTo(200);
        assertThat(link.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("no-store"));
        JsonNode body = JSON.readTree(link.body());
        String url = body.path("url").asString();
        assertThat(Instant.parse(body.path("expiresAt").asString())).isAfter(Instant.now());
        assertThat(store.exists("tickets/" + ticket.id() + ".pdf")).as("nothing rendered before it is opened")
                .isFalse();

        HttpResponse<byte[]> pdf = get(url, token);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains(ticket.code(), "Fixture night");
        }
        assertThat(store.get("tickets/" + ticket.id() + ".pdf")).hasValueSatisfying(stored ->
                assertThat(stored.bytes()).isEqualTo(pdf.body()));
        assertThat(get(url, token).body()).as("read from the store the second time").isEqualTo(pdf.body());
    }

    @Test
    void anotherAccountAnExpiredLinkAndAnAlteredOneGetNoPdf() throws Exception {
        UUID buyer = UUID.randomUUID();
        Ticket ticket = ticketOf(buyer);
        String token = TestTokens.buyer(buyer);
        String url = JSON.readTree(get("/api/v1/tickets/" + ticket.id() + "/pdf-link", token).body()).path("url")
                .asString();

        UUID stranger = UUID.randomUUID();
        assertThat(get(url, TestTokens.buyer(stranger)).statusCode()).as("another account's ticket").isEqualTo(404);
        assertThat(get("/api/v1/tickets/" + ticket.id() + "/pdf-link", TestTokens.buyer(stranger)).statusCode())
                .isEqualTo(404);
        assertThat(get(url, null).statusCode()).as("no token").isEqualTo(401);

        long past = Instant.now().minusSeconds(1).getEpochSecond();
        HttpResponse<byte[]> expired = get("/api/v1/tickets/" + ticket.id() + "/pdf?expires=" + past + "&signature="
                + signer.signLink(ticket.id(), buyer, past), token);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(expired.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/ticket-link-expired");

        long later = Instant.now().plusSeconds(3600).getEpochSecond();
        String stretched = url.replaceFirst("expires=\\d+", "expires=" + later);
        HttpResponse<byte[]> altered = get(stretched, token);
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(altered.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/ticket-link-invalid");
        HttpResponse<byte[]> strangersOwnLink = get("/api/v1/tickets/" + ticket.id() + "/pdf?expires=" + later
                + "&signature=" + signer.signLink(ticket.id(), stranger, later), token);
        assertThat(strangersOwnLink.statusCode()).as("signed for another account").isEqualTo(403);
        assertThat(store.exists("tickets/" + ticket.id() + ".pdf")).isFalse();
    }

    private Ticket ticketOf(UUID buyer) {
        return new TicketFixture(venues, events, holds, checkout, tickets).ticket(buyer);
    }

    private HttpResponse<byte[]> get(String path, @org.jspecify.annotations.Nullable String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
