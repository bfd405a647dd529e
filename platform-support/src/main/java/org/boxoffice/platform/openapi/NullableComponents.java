package org.boxoffice.platform.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Says in the document which fields of a record may be {@code null}: the components the code marks
 * {@link Nullable @Nullable} (JSpecify, a type-use annotation that the schema generator does not read). In OpenAPI
 * 3.1 such a property admits the type {@code null} beside its own (and, when it lists its values, {@code null} among
 * them); one that refers to another schema becomes {@code anyOf} that schema and {@code null}. Every other field of a response is present and not
 * null, which is what clients generated from the document assume.
 */
public class NullableComponents implements ModelConverter {

    private static final String NULL = "null";

    @Override
    public @Nullable Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> resolved = chain.next().resolve(type, context, chain);
        Class<?> raw = rawClass(type);
        if (resolved == null || raw == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved;
        if (resolved.get$ref() != null) {
            String ref = resolved.get$ref();
            model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            markNullable(raw, model);
        }
        return resolved;
    }

    private static void markNullable(Class<?> record, Schema<?> model) {
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            if (!component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                continue;
            }
            String name = jsonName(component);
            Schema<?> property = properties.get(name);
            if (property != null) {
                properties.put(name, nullable(property));
            }
        }
    }

    /** The property with {@code null} admitted; unchanged when it admits it already. */
    static Schema<?> nullable(Schema<?> property) {
        if (admitsNull(property)) {
            return property;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (property.get$ref() == null && !types.isEmpty()) {
            types.add(NULL);
            property.setTypes(types);
            property.setType(null);
            if (property.getEnum() != null) {
                // JSON Schema checks enum on its own: null must be one of the values too.
                @SuppressWarnings("unchecked")
                Schema<Object> values = (Schema<Object>) property;
                values.addEnumItemObject(null);
            }
            return property;
        }
        Schema<Object> nullOnly = new Schema<>();
        nullOnly.addType(NULL);
        Schema<Object> either = new Schema<>();
        either.setAnyOf(new ArrayList<>(List.of(property, nullOnly)));
        if (property.get$ref() != null) {
            // Siblings of $ref describe the property, not the schema it refers to: they move to the union.
            either.setDescription(property.getDescription());
            property.setDescription(null);
        }
        return either;
    }

    private static boolean admitsNull(Schema<?> property) {
        if (admitsAnything(property)) {
            return true;
        }
        if (property.getTypes() != null && property.getTypes().contains(NULL)) {
            return true;
        }
        return property.getAnyOf() != null
                && property.getAnyOf().stream().anyMatch(s -> s.getTypes() != null && s.getTypes().contains(NULL));
    }

    /** A schema that constrains nothing (an {@code Object} field): {@code null} is one of the values it admits. */
    private static boolean admitsAnything(Schema<?> property) {
        return property.get$ref() == null && property.getType() == null
                && (property.getTypes() == null || property.getTypes().isEmpty()) && property.getEnum() == null
                && property.getAnyOf() == null && property.getOneOf() == null && property.getAllOf() == null;
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = component.getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static @Nullable Class<?> rawClass(AnnotatedType type) {
        if (type.getType() == null) {
            return null;
        }
        return Json.mapper().constructType(type.getType()).getRawClass();
    }
}
