package org.boxoffice.gateway.web;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;

/**
 * Serves the web front end: {@code GET /} is the single page (hash routes: {@code /#/events/…}), {@code GET /app/…}
 * its modules, styles and images. Only these two paths reach this router; the API routes never pass through it, so
 * the front end adds nothing to an API call. Every answer carries the Content-Security-Policy: scripts and styles
 * only from this origin, no inline script, no framing, API calls to this origin only.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebAppProperties.class)
class WebAppConfiguration {

    /** The policy of every page and asset: nothing inline, nothing from another origin. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> webApp(WebAppProperties properties, ResourceLoader loader) throws IOException {
        Resource root = loader.getResource(properties.location());
        Resource index = root.createRelative("index.html");
        CacheControl assets = CacheControl.maxAge(properties.maxAge().toSeconds(), TimeUnit.SECONDS).cachePublic();
        return RouterFunctions.route(RequestPredicates.GET("/"), request -> serve(request, index, CacheControl.noCache()))
                .andRoute(RequestPredicates.GET("/app/**"), request -> asset(request, root, assets))
                .filter((request, next) -> {
                    var headers = request.exchange().getResponse().getHeaders();
                    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    headers.set("Permissions-Policy", "camera=(self), geolocation=(), microphone=()");
                    return next.handle(request);
                });
    }

    private static Mono<ServerResponse> asset(ServerRequest request, Resource root, CacheControl cache) {
        String path = request.path().substring(1);
        if (path.contains("..") || path.contains("//") || path.contains("\\")) {
            return ServerResponse.notFound().build();
        }
        try {
            return serve(request, root.createRelative(path), cache);
        } catch (IOException e) {
            return ServerResponse.notFound().build();
        }
    }

    private static Mono<ServerResponse> serve(ServerRequest request, Resource resource, CacheControl cache) {
        if (!resource.isReadable()) {
            return ServerResponse.notFound().build();
        }
        Instant modified;
        try {
            modified = Instant.ofEpochMilli(resource.lastModified());
        } catch (IOException e) {
            modified = Instant.EPOCH;
        }
        if (request.exchange().checkNotModified(modified)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).build();
        }
        MediaType type = MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if ("js".equals(extension(resource))) {
            type = MediaType.parseMediaType("text/javascript;charset=UTF-8");
        }
        return ServerResponse.ok().contentType(type).cacheControl(cache).lastModified(modified)
                .header("X-Content-Type-Options", "nosniff")
                .body(BodyInserters.fromResource(resource));
    }

    private static String extension(Resource resource) {
        String name = resource.getFilename();
        return name == null || name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.') + 1);
    }
}
