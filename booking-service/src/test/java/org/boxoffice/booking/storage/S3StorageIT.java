package org.boxoffice.booking.storage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * booking-service on a real S3-compatible server (S3Proxy in this JVM, speaking the S3 protocol with signed requests
 * over HTTP): the store keeps bytes and media types in the bucket, and an organizer's image is uploaded to the bucket
 * and served from it. Testcontainers' MinIO would do the same where Docker answers; S3Proxy needs none.
 */
@IntegrationTest(properties = { "boxoffice.storage.type=s3", "boxoffice.storage.s3.bucket=boxoffice-it",
        "boxoffice.storage.s3.create-bucket=true", "boxoffice.storage.s3.access-key=" + S3StorageIT.ACCESS,
        "boxoffice.storage.s3.secret-key=" + S3StorageIT.SECRET })
class S3StorageIT {

    static final String ACCESS = "boxoffice-access";
    static final String SECRET = "boxoffice-secret-key-for-tests";
    static final S3Proxy SERVER = start();

    @DynamicPropertySource
    static void endpoint(DynamicPropertyRegistry registry) {
        registry.add("boxoffice.storage.s3.endpoint", S3StorageIT::endpoint);
    }

    @AfterAll
    static void stop() throws Exception {
        SERVER.stop();
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    ObjectStore store;
    @Autowired
    StorageProperties properties;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;

    @Test
    void keepsObjectsInTheBucketWithTheirMediaType() {
        assertThat(store.kind()).isEqualTo("s3");
        assertThat(store.exists("tickets/none.pdf")).isFalse();
        assertThat(store.get("tickets/none.pdf")).isEmpty();

        store.put("tickets/one.pdf", "%PDF-1.7 one".getBytes(StandardCharsets.UTF_8), "application/pdf");

        assertThat(store.exists("tickets/one.pdf")).isTrue();
        assertThat(store.get("tickets/one.pdf")).hasValueSatisfying(object -> {
            assertThat(new String(object.bytes(), StandardCharsets.UTF_8)).isEqualTo("%PDF-1.7 one");
            assertThat(object.contentType()).isEqualTo("application/pdf");
        });
        try (S3Client s3 = StorageConfiguration.client(properties.s3())) {
            assertThat(s3.headObject(request -> request.bucket("boxoffice-it").key("tickets/one.pdf"))
                    .contentLength()).as("really in the bucket").isEqualTo(12L);
        }
    }

    @Test
    void anOrganizersImageIsStoredInTheBucketAndServedFromIt() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 5, 5, 4, 8);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/v1/admin/events/" + sale.event().id() + "/image"))
                .header("Authorization", "Bearer " + TestTokens.organizer(sale.organizationId()))
                .header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png(900, 300))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String url = JsonMapper.builder().build().readTree(uploaded.body()).path("url").asString();
        String key = "images/" + url.substring(url.lastIndexOf('/') + 1);

        assertThat(store.exists(key)).isTrue();
        HttpResponse<byte[]> served = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(store.get(key).orElseThrow().bytes());
    }

    private static byte[] png(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(0, 0, width / 2, height / 2);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String endpoint() {
        return "http://127.0.0.1:" + SERVER.getPort();
    }

    private static S3Proxy start() {
        BlobStoreContext context = ContextBuilder.newBuilder("transient").credentials(ACCESS, SECRET)
                .overrides(new Properties()).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .endpoint(URI.create("http://127.0.0.1:0")).build();
        try {
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        return proxy;
    }
}
