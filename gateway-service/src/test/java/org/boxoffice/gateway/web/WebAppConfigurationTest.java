package org.boxoffice.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class WebAppConfigurationTest {

    private final WebTestClient client = WebTestClient.bindToRouterFunction(
            new WebAppConfiguration().webApp(new WebAppProperties("classpath:/web/", Duration.ofMinutes(5)),
                    new DefaultResourceLoader())).build();

    WebAppConfigurationTest() throws Exception {
    }

    @Test
    void servesThePageWithAStrictContentSecurityPolicyAndRevalidation() {
        client.get().uri("/").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/html")
                .expectHeader().valueEquals("Content-Security-Policy", WebAppConfiguration.CONTENT_SECURITY_POLICY)
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noCache())
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<script type=\"module\" src=\"/app/main.js\"></script>")
                        .doesNotContain("onclick=", "<script>"));
        assertThat(WebAppConfiguration.CONTENT_SECURITY_POLICY).contains("script-src 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void servesModulesAsJavaScriptWithCachingAndAnswersRevalidationWith304() {
        HttpHeaders headers = client.get().uri("/app/main.js").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
                .expectBody().returnResult().getResponseHeaders();
        ZonedDateTime modified = ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(headers.getLastModified()),
                java.time.ZoneOffset.UTC);
        client.get().uri("/app/main.js").ifModifiedSince(modified).exchange().expectStatus().isNotModified();
        client.get().uri("/app/app.css").exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith("text/css");
    }

    @Test
    void refusesPathsOutsideTheAssetsAndLeavesEveryOtherPathToTheRoutes() {
        client.get().uri("/app/../application.yml").exchange().expectStatus().isNotFound();
        client.get().uri("/app/missing.js").exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/events").exchange().expectStatus().isNotFound();
        client.post().uri("/").exchange().expectStatus().isNotFound();
    }
}
