package org.boxoffice.platform.openapi;

import java.util.List;

import org.boxoffice.platform.security.PublicPath;
import org.junit.jupiter.api.Test;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import static org.assertj.core.api.Assertions.assertThat;

class ApiConventionsTest {

    private static final List<PublicPath> OPEN = List.of(PublicPath.parse("GET /api/v1/events/**"),
            PublicPath.parse("POST /api/v1/auth/login"));

    @Test
    void requiresTheBearerTokenWhereTheSecurityConfigurationDoesAndSaysWhoMayCall() {
        OpenAPI api = document("/api/v1/holds/{holdId}", PathItem.HttpMethod.GET, operation("200"));
        api.getPaths().addPathItem("/api/v1/events/{eventId}", new PathItem().get(operation("200")));
        api.getPaths().addPathItem("/api/v1/admin/venues", new PathItem().get(operation("200")));

        conventions(null).customise(api);

        Operation hold = api.getPaths().get("/api/v1/holds/{holdId}").getGet();
        assertThat(hold.getSecurity()).singleElement().satisfies(r -> assertThat(r).containsKey("bearerAuth"));
        assertThat(hold.getExtensions()).containsEntry("x-roles", List.of("BUYER", "ORGANIZER", "ADMIN"));
        // Every operation can refuse a parameter or header, an Accept without JSON, a URI or headers too large.
        assertThat(hold.getResponses()).containsKeys("400", "401", "404", "406", "414", "429", "431", "503")
                .doesNotContainKeys("403", "413", "415");
        Operation event = api.getPaths().get("/api/v1/events/{eventId}").getGet();
        assertThat(event.getSecurity()).isEmpty();
        // Open, but a token that is sent must be valid.
        assertThat(event.getResponses()).containsKey("401").doesNotContainKey("403");
        Operation venues = api.getPaths().get("/api/v1/admin/venues").getGet();
        assertThat(venues.getExtensions()).containsEntry("x-roles", List.of("ORGANIZER", "ADMIN"));
        assertThat(venues.getResponses()).containsKeys("401", "403");
        assertThat(venues.getDescription()).contains("Roles: ORGANIZER, ADMIN.");
        assertThat(api.getComponents().getSecuritySchemes().get("bearerAuth").getBearerFormat()).isEqualTo("JWT");
    }

    @Test
    void documentsTheIdempotencyKeyOnThePostsTheFilterAccepts() {
        Operation hold = operation("201").requestBody(body());
        OpenAPI api = document("/api/v1/holds", PathItem.HttpMethod.POST, hold);
        Operation login = operation("200").requestBody(body());
        api.getPaths().addPathItem("/api/v1/auth/login", new PathItem().post(login));

        conventions(List.of("/api/v1/auth/**")).customise(api);

        assertThat(hold.getParameters()).extracting(Parameter::get$ref)
                .containsExactly("#/components/parameters/IdempotencyKey");
        assertThat(hold.getResponses()).containsKeys("400", "409", "413", "415", "422");
        assertThat(hold.getResponses().get("201").getHeaders()).containsKey("Location");
        assertThat(login.getParameters()).isNull();
        assertThat(login.getResponses()).doesNotContainKeys("409", "422").containsKeys("400", "413", "415");
        assertThat(api.getComponents().getParameters().get("IdempotencyKey").getRequired()).isFalse();
    }

    @Test
    void givesEveryErrorResponseTheProblemSchema() {
        Operation checkout = operation("201").requestBody(body());
        checkout.getResponses().addApiResponse("409", new ApiResponse().description("`hold-expired`")
                .content(new Content().addMediaType("application/json", new MediaType().schema(new ObjectSchema()))));
        OpenAPI api = document("/api/v1/orders", PathItem.HttpMethod.POST, checkout);

        conventions(List.of()).customise(api);

        ApiResponse conflict = checkout.getResponses().get("409");
        assertThat(conflict.getDescription()).isEqualTo("`hold-expired`");
        assertThat(conflict.getContent()).containsOnlyKeys("application/problem+json");
        assertThat(conflict.getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "instance", "errors", "traceId");
        assertThat(api.getComponents().getResponses().get("ServiceUnavailable").getHeaders()).containsKey("Retry-After");
    }

    @Test
    void describesConditionalRequestsWhereAnOperationAnswers304() {
        Operation search = operation("200");
        search.getResponses().addApiResponse("304", new ApiResponse().description("Not modified")
                .content(new Content().addMediaType("application/json", new MediaType())));
        search.addParametersItem(new Parameter().in("query").name("size")
                .schema(new IntegerSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(100))
                        ._default(20)));
        OpenAPI api = document("/api/v1/events", PathItem.HttpMethod.GET, search);

        conventions(null).customise(api);

        assertThat(search.getResponses().get("304").getContent()).isNull();
        assertThat(search.getResponses().get("304").getHeaders()).containsKey("ETag");
        assertThat(search.getResponses().get("200").getHeaders()).containsKey("ETag");
        assertThat(search.getParameters()).extracting(Parameter::getName).contains("If-None-Match");
        assertThat(search.getParameters().getFirst().getDescription()).isEqualTo("Items per page, 1 to 100 (default 20).");
    }

    @Test
    void appliesTwiceWithoutRepeatingItself() {
        Operation hold = operation("201").requestBody(body());
        OpenAPI api = document("/api/v1/holds", PathItem.HttpMethod.POST, hold);

        conventions(List.of()).customise(api);
        conventions(List.of()).customise(api);

        assertThat(hold.getParameters()).hasSize(1);
        assertThat(hold.getDescription()).isEqualTo("Roles: BUYER, ORGANIZER, ADMIN.");
    }

    private static ApiConventions conventions(List<String> idempotencyExcluded) {
        return new ApiConventions(() -> OPEN, () -> idempotencyExcluded, true);
    }

    private static OpenAPI document(String path, PathItem.HttpMethod method, Operation operation) {
        PathItem item = new PathItem();
        item.operation(method, operation);
        return new OpenAPI().paths(new Paths().addPathItem(path, item));
    }

    private static Operation operation(String success) {
        return new Operation().summary("An operation")
                .responses(new ApiResponses().addApiResponse(success, new ApiResponse().description("Done")));
    }

    private static RequestBody body() {
        return new RequestBody().content(new Content().addMediaType("application/json",
                new MediaType().schema(new ObjectSchema())));
    }
}
