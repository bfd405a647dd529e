package org.boxoffice.platform.openapi;

import java.util.Arrays;
import java.util.List;

import org.boxoffice.platform.idempotency.IdempotencyProperties;
import org.boxoffice.platform.security.PublicPath;
import org.boxoffice.platform.security.SecurityProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document's header for every service, and the conventions every document states the same way
 * ({@link ApiConventions}). The server is relative ("/") so that "Try it out" in the gateway's Swagger UI calls the
 * gateway, which routes the request to the service.
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
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .addServersItem(new Server().url("/").description("This service, or the gateway that routes to it"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GlobalOpenApiCustomizer.class)
    static class Conventions {

        /** Security and idempotency are read when the document is built, from what the service really configured. */
        @Bean
        ApiConventions boxofficeApiConventions(ApiDocsProperties api, ObjectProvider<SecurityProperties> security,
                ObjectProvider<IdempotencyProperties> idempotency) {
            return new ApiConventions(() -> {
                SecurityProperties properties = security.getIfAvailable();
                return properties == null ? null : properties.publicPaths().stream().map(PublicPath::parse).toList();
            }, () -> {
                IdempotencyProperties properties = idempotency.getIfAvailable();
                return properties == null || !properties.enabled() ? null : properties.excludedPaths();
            }, api.rateLimited());
        }

        /** Fields marked {@code @Nullable} admit {@code null} in the document. */
        @Bean
        NullableComponents boxofficeNullableComponents() {
            return new NullableComponents();
        }

        /** An operation's own {@link ApiRoles} become its {@code x-roles}. */
        @Bean
        GlobalOperationCustomizer boxofficeApiRoles() {
            return (operation, handler) -> {
                ApiRoles roles = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ApiRoles.class);
                if (roles == null) {
                    roles = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiRoles.class);
                }
                if (roles != null) {
                    List<String> names = Arrays.stream(roles.value()).map(Enum::name).toList();
                    operation.addExtension(ApiConventions.ROLES_EXTENSION, names);
                }
                return operation;
            };
        }
    }
}
