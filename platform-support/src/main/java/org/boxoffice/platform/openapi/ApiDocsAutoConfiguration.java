package org.boxoffice.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document's header for every service. The server is relative ("/") so that "Try it out" in the
 * gateway's Swagger UI calls the gateway, which routes the request to the service.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@EnableConfigurationProperties(ApiDocsProperties.class)
public class ApiDocsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI boxofficeOpenApi(ApiDocsProperties api) {
        return new OpenAPI()
                .info(new Info().title(api.title()).description(api.description()).version(api.version())
                        .license(new License().name("Apache-2.0")))
                .addServersItem(new Server().url("/"));
    }
}
