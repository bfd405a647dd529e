package org.boxoffice.platform.openapi;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.media.Schema;

import static org.assertj.core.api.Assertions.assertThat;

class NullableComponentsTest {

    enum Channel { EMAIL, SMS }

    record Address(String city) {
    }

    record Profile(String email, @Nullable String displayName, @Nullable Instant verifiedAt, @Nullable Channel channel,
            @Nullable Address address, int age, @Nullable Object anything) {
    }

    @Test
    void admitsNullExactlyInTheComponentsMarkedNullable() {
        Map<String, Schema> properties = resolve(Profile.class).getProperties();

        assertThat(properties.get("email").getTypes()).containsExactly("string");
        assertThat(properties.get("age").getTypes()).containsExactly("integer");
        assertThat(properties.get("displayName").getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(properties.get("verifiedAt").getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(properties.get("verifiedAt").getFormat()).isEqualTo("date-time");
    }

    @Test
    void aReferenceBecomesEitherItselfOrNullAndAnEnumListsNull() {
        Map<String, Schema> properties = resolve(Profile.class).getProperties();

        Schema<?> address = properties.get("address");
        assertThat(address.getAnyOf()).hasSize(2);
        assertThat(address.getAnyOf().get(0).get$ref()).endsWith("/Address");
        assertThat(address.getAnyOf().get(1).getTypes()).containsExactly("null");
        Schema<?> channel = properties.get("channel");
        assertThat(channel.getAnyOf()).isNull();
        assertThat(channel.getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(new java.util.ArrayList<Object>(channel.getEnum())).containsExactly("EMAIL", "SMS", null);
    }

    @Test
    void aFieldThatAdmitsAnythingStaysAsItIs() {
        Schema<?> anything = resolve(Profile.class).getProperties().get("anything");

        assertThat(anything.getAnyOf()).isNull();
        assertThat(anything.getTypes()).isNullOrEmpty();
        assertThat(anything.get$ref()).isNull();
    }

    @Test
    void markingTwiceChangesNothing() {
        Schema<?> once = NullableComponents.nullable(new Schema<>().types(new java.util.LinkedHashSet<>(
                java.util.List.of("string"))));
        Schema<?> twice = NullableComponents.nullable(once);

        assertThat(twice).isSameAs(once);
        assertThat(twice.getTypes()).containsExactly("string", "null");
    }

    private static Schema<?> resolve(Class<?> type) {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new NullableComponents());
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type));
        return resolved.schema;
    }
}
