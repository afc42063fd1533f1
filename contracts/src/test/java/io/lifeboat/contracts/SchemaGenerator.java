package io.lifeboat.contracts;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Derives each event's JSON Schema from its record; the committed schemas must equal what this derives. */
final class SchemaGenerator {

    static ObjectNode schemaFor(EventTypes.Type type) {
        ObjectNode root = EventCodec.JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://lifeboat.dev/" + type.schemaResource());
        root.put("title", type.name() + " v" + type.version());
        ObjectNode body = objectSchema(type.javaType());
        ObjectNode properties = EventCodec.JSON.createObjectNode();
        properties.set("type", EventCodec.JSON.createObjectNode().put("const", type.name()));
        properties.set("schema_version", EventCodec.JSON.createObjectNode().put("const", type.version()));
        properties.setAll((ObjectNode) body.get("properties"));
        body.set("properties", properties);
        ArrayNode required = EventCodec.JSON.createArrayNode().add("type").add("schema_version");
        required.addAll((ArrayNode) body.get("required"));
        body.set("required", required);
        root.setAll(body);
        return root;
    }

    private static ObjectNode objectSchema(Class<?> record) {
        ObjectNode schema = EventCodec.JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
            boolean nullable = component.isAnnotationPresent(Nullable.class)
                    || component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            properties.set(name, typeSchema(component.getGenericType(), nullable));
            if (!nullable && !addedToThisVersion(component)) {
                required.add(name);
            }
        }
        return schema;
    }

    /** A field added to a published version reads as empty (false, {}) when absent, so it is not required. */
    private static boolean addedToThisVersion(RecordComponent component) {
        JsonSetter setter = component.getAccessor().getAnnotation(JsonSetter.class);
        return setter != null && setter.nulls() == Nulls.AS_EMPTY;
    }

    private static ObjectNode typeSchema(Type type, boolean nullable) {
        ObjectNode schema = EventCodec.JSON.createObjectNode();
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        String json;
        if (raw == String.class) {
            json = "string";
        } else if (raw == boolean.class || raw == Boolean.class) {
            json = "boolean";
        } else if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class) {
            json = "integer";
        } else if (raw == double.class || raw == Double.class) {
            json = "number";
        } else if (raw == Instant.class) {
            json = "string";
            schema.put("format", "date-time");
        } else if (raw == UUID.class) {
            json = "string";
            schema.put("format", "uuid");
        } else if (raw.isEnum()) {
            json = "string";
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(constant.toString());
            }
        } else if (List.class.isAssignableFrom(raw)) {
            json = "array";
            schema.set("items", typeSchema(((ParameterizedType) type).getActualTypeArguments()[0], false));
        } else if (Map.class.isAssignableFrom(raw)) {
            json = "object";
            schema.set("additionalProperties", typeSchema(((ParameterizedType) type).getActualTypeArguments()[1], false));
        } else if (raw.isRecord()) {
            schema = objectSchema(raw);
            json = "object";
        } else {
            throw new IllegalArgumentException("no schema mapping for " + type);
        }
        if (nullable) {
            schema.set("type", EventCodec.JSON.createArrayNode().add(json).add("null"));
        } else {
            schema.put("type", json);
        }
        return schema;
    }

    private SchemaGenerator() {
    }
}
