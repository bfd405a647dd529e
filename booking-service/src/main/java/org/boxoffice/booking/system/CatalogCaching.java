package org.boxoffice.booking.system;

import java.time.Duration;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * HTTP caching of what buyers browse (the catalogue, an event, its availability and seat map): every answer carries
 * an {@code ETag} of its body, and a request whose {@code If-None-Match} matches gets {@code 304 Not Modified} without
 * the body; each controller says how long a shared cache (a CDN in front of the gateway) may serve it
 * ({@link #CATALOGUE}, {@link #AVAILABILITY}). The content is the same for every buyer, so it is {@code public}.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogCaching {

    /** Events and their listings change when an organizer acts: a few seconds of staleness are harmless. */
    public static final CacheControl CATALOGUE = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();
    /** Availability is advice (the hold decides): a second of staleness takes a polling surge off the service. */
    public static final CacheControl AVAILABILITY = CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic();

    @Bean
    FilterRegistrationBean<ShallowEtagHeaderFilter> catalogEtags() {
        FilterRegistrationBean<ShallowEtagHeaderFilter> registration =
                new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
        registration.addUrlPatterns("/api/v1/events", "/api/v1/events/*");
        return registration;
    }
}
