package org.boxoffice.booking.media;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organizers' images end to end, on the directory store: an upload is checked, stored in widths under the hash of
 * their bytes, shown by the event's page and the catalogue (the venue's image when the event has none) with the
 * organizer's text alternative, and served with immutable cache headers; another organization, a buyer, and bytes that are no image change nothing.
 */
@IntegrationTest
class MediaIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String STAGE = "The band on stage under blue lights, the hall full";

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;

    @Test
    void anUploadedImageIsShownByTheEventAndTheCatalogueAndServedImmutable() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 5, 5, 4, 8);
        String organizer = TestTokens.organizer(sale.organizationId());
        byte[] photo = ImageVariantsTest.image("jpg", 2000, 1000, false);

        HttpResponse<byte[]> uploaded = put("/api/v1/admin/events/" + sale.event().id()
                + "/image?description=" + URLEncoder.encode(STAGE, StandardCharsets.UTF_8), organizer, "image/jpeg",
                photo);
        assertThat(uploaded.statusCode()).as(new String(uploaded.body())).isEqualTo(200);
        JsonNode image = JSON.readTree(uploaded.body());
        assertThat(widths(image)).containsExactly(400, 800, 1600);
        assertThat(image.path("description").asString()).isEqualTo(STAGE);
        String url = image.path("url").asString();
        assertThat(url).matches("/api/v1/media/images/[0-9a-f]{64}\\.jpg");

        JsonNode event = JSON.readTree(get("/api/v1/events/" + sale.event().id(), null, null).body());
        assertThat(event.path("image").path("url").asString()).isEqualTo(url);
        assertThat(event.path("image").path("description").asString()).as("the text alternative the pages show")
                .isEqualTo(STAGE);
        JsonNode catalogue = JSON.readTree(get("/api/v1/events?size=100", null, null).body());
        assertThat(stream(catalogue.path("items")).filter(item -> item.path("id").asString()
                .equals(sale.event().id().toString())).findFirst().orElseThrow().path("image").path("url")
                .asString()).isEqualTo(url);

        HttpResponse<byte[]> served = get(url, null, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(served.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("max-age=31536000", "public", "immutable"));
        String name = url.substring(url.lastIndexOf('/') + 1);
        assertThat(Images.sha256(served.body())).as("named by the hash of its bytes")
                .isEqualTo(name.substring(0, name.indexOf('.')));
        String etag = served.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, null, etag).statusCode()).isEqualTo(304);
        assertThat(get("/api/v1/media/images/" + "0".repeat(64) + ".jpg", null, null).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/media/images/..%2F..%2Fetc%2Fpasswd", null, null).statusCode()).isBetween(400, 404);
    }

    @Test
    void onlyTheEventsOrganizersUploadAndOnlyImages() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 5, 5, 4, 8);
        String path = "/api/v1/admin/events/" + sale.event().id() + "/image";
        byte[] photo = ImageVariantsTest.image("png", 600, 300, false);

        assertThat(put(path, TestTokens.organizer(UUID.randomUUID()), "image/png", photo).statusCode())
                .as("another organization's event does not exist for them").isEqualTo(404);
        assertThat(put(path, TestTokens.buyer(), "image/png", photo).statusCode()).isEqualTo(403);
        HttpResponse<byte[]> notAnImage = put(path, TestTokens.organizer(sale.organizationId()), "image/png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes());
        assertThat(notAnImage.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(notAnImage.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/unsupported-image-type");
        HttpResponse<byte[]> tooNarrow = put(path, TestTokens.organizer(sale.organizationId()), "image/png",
                ImageVariantsTest.image("png", 50, 50, false));
        assertThat(tooNarrow.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tooNarrow.body()).path("reason").asString()).isEqualTo("width");
        assertThat(put(path, TestTokens.organizer(sale.organizationId()), "image/png", new byte[9 * 1024 * 1024])
                .statusCode()).as("over the upload limit").isEqualTo(413);
        HttpResponse<byte[]> longDescription = put(path + "?description=" + "x".repeat(251),
                TestTokens.organizer(sale.organizationId()), "image/png", photo);
        assertThat(longDescription.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(longDescription.body()).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/validation-failed");

        JsonNode event = JSON.readTree(get("/api/v1/events/" + sale.event().id(), null, null).body());
        assertThat(event.path("image").isMissingNode() || event.path("image").isNull())
                .as("nothing was stored").isTrue();
    }

    @Test
    void anEventWithoutItsOwnImageShowsItsVenues() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 5, 5, 4, 8);
        String organizer = TestTokens.organizer(sale.organizationId());
        HttpResponse<byte[]> venueImage = put("/api/v1/admin/venues/" + sale.event().venueId() + "/image", organizer,
                "application/octet-stream", ImageVariantsTest.image("png", 500, 500, true));
        assertThat(venueImage.statusCode()).as(new String(venueImage.body())).isEqualTo(200);
        String url = JSON.readTree(venueImage.body()).path("url").asString();
        assertThat(url).endsWith(".png");
        assertThat(JSON.readTree(venueImage.body()).path("description").isNull())
                .as("no description: the pages show the image as decoration").isTrue();

        JsonNode event = JSON.readTree(get("/api/v1/events/" + sale.event().id(), null, null).body());
        assertThat(event.path("image").path("url").asString()).isEqualTo(url);
        assertThat(JSON.readTree(get("/api/v1/admin/venues/" + sale.event().venueId() + "/image", organizer, null)
                .body()).path("url").asString()).isEqualTo(url);
    }

    private static java.util.List<Integer> widths(JsonNode image) {
        return stream(image.path("variants")).map(variant -> variant.path("width").asInt()).toList();
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private HttpResponse<byte[]> put(String path, String token, String type, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", type)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, @Nullable String token, @Nullable String ifNoneMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
