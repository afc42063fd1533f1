package io.lifeboat.cli.output;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.util.Map;
import java.util.Set;

/**
 * One object as PROPERTY/VALUE rows, in the API's order; nested objects as dotted names
 * ({@code verification.status}), the same names that {@code -P} accepts.
 */
public final class PropertyTable {

    /** The rows of {@code object}, leaving out the top-level properties in {@code skip}. */
    public static Table of(JsonNode object, Set<String> skip) {
        Table table = Table.of("Property", "Value");
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            if (!skip.contains(property.getKey())) {
                add(table, property.getKey(), property.getValue());
            }
        }
        return table;
    }

    /** The value at a dotted name ({@code status}, {@code verification.status}, {@code services.0.name}). */
    public static JsonNode lookup(JsonNode object, String property) {
        if (property.isBlank()) {
            return MissingNode.getInstance();
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : property.split("\\.", -1)) {
            pointer.append('/').append(part.replace("~", "~0").replace("/", "~1"));
        }
        return object.at(JsonPointer.compile(pointer.toString()));
    }

    private static void add(Table table, String name, JsonNode value) {
        if (value.isObject() && !value.isEmpty()) {
            for (Map.Entry<String, JsonNode> child : value.properties()) {
                add(table, name + "." + child.getKey(), child.getValue());
            }
        } else {
            table.row(name, name.endsWith("_at") ? Units.time(value) : Units.text(value));
        }
    }

    private PropertyTable() {
    }
}
