package io.lifeboat.contracts;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/** Reads and writes events as JSON. Unknown fields are ignored, so fields can be added to a version. */
public final class EventCodec {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public static byte[] encode(Event event) {
        EventTypes.Type type = EventTypes.of(event.getClass());
        ObjectNode body = JSON.valueToTree(event);
        if (body.has("type") || body.has("schema_version")) {
            throw new IllegalStateException(type.name() + " must not have fields named type or schema_version");
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("type", type.name());
        node.put("schema_version", type.version());
        node.setAll(body);
        return JSON.writeValueAsBytes(node);
    }

    public static Event decode(byte[] payload) {
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("an event must be a JSON object", null);
        }
        String name = node.path("type").asString("");
        EventTypes.Type type = EventTypes.byName(name)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + name + "'", null));
        int version = node.path("schema_version").asInt(-1);
        if (version != type.version()) {
            throw new MalformedEventException(
                    "unsupported schema_version " + version + " for " + name + " (supported: " + type.version() + ")",
                    null);
        }
        try {
            return JSON.treeToValue(node, type.javaType());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("invalid " + name + ": " + rootMessage(e), e);
        }
    }

    public static <T extends Event> T decode(byte[] payload, Class<T> expected) {
        Event event = decode(payload);
        if (!expected.isInstance(event)) {
            throw new MalformedEventException("expected " + EventTypes.of(expected).name()
                    + " but got " + EventTypes.of(event.getClass()).name(), null);
        }
        return expected.cast(event);
    }

    /** Parts as stored in a service's own tables: the same JSON as on the wire. */
    public static String writeParts(java.util.List<PartSpec> parts) {
        return JSON.writeValueAsString(parts);
    }

    public static java.util.List<PartSpec> readParts(String json) {
        return java.util.List.of(JSON.readValue(json, PartSpec[].class));
    }

    public static String toJson(Event event) {
        return new String(encode(event), StandardCharsets.UTF_8);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private EventCodec() {
    }
}
