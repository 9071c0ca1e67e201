package io.kalamdb.commons.types;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The shared Jackson setup for JSON column values: parsing keeps object key order and exact decimal numbers,
 * rejects trailing content, and writing produces compact text with decimals in plain notation.
 */
final class JsonText {
    /** Mapper for JSON values: exact decimals, no trailing tokens. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final ObjectReader TREE_READER = MAPPER.readerFor(JsonNode.class);

    private JsonText() {
    }

    /** Reason given for empty (or blank) input. */
    static final String NO_CONTENT = "Unexpected end of input at position 0";

    /** Parses one JSON value; returns null when the text holds no value at all (empty or blank). */
    static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = TREE_READER.readValue(text);
        if (node == null || node.isMissingNode()) {
            return null;
        }
        return node;
    }

    /** Compact JSON text of a parsed value. */
    static String write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsString(value);
    }

    /** A short reason for a parse failure, such as {@code Unexpected character at position 7}. */
    static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null || message.isEmpty()) {
            message = "Malformed JSON";
        }
        int cut = message.length();
        int paren = message.indexOf(" (");
        if (paren > 0) {
            cut = Math.min(cut, paren);
        }
        int colon = message.indexOf(':');
        if (colon > 0) {
            cut = Math.min(cut, colon);
        }
        int newline = message.indexOf('\n');
        if (newline > 0) {
            cut = Math.min(cut, newline);
        }
        String head = message.substring(0, cut).trim();
        if (head.startsWith("No content to map")) {
            return NO_CONTENT;
        }
        if (head.startsWith("Unexpected end-of-input")) {
            head = "Unexpected end of input";
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getCharOffset() >= 0) {
            return head + " at position " + location.getCharOffset();
        }
        return head;
    }
}
