package io.lifeboat.gateway.web;

import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every text in a request body: a NUL character ({@code \u0000}), which PostgreSQL cannot store and no name
 * or path holds, is refused with 400 naming the field.
 */
@JacksonComponent
class TextWithoutNul extends ValueDeserializer<String> {

    static final String MESSAGE = "must not contain NUL characters";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = StringDeserializer.instance.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, MESSAGE, value, String.class);
        }
        return value;
    }
}
