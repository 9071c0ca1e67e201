package io.kalamdb.core.sql;

/**
 * One positional parameter as received: its value mapped from JSON (null, Boolean, Long, Double, or String; objects
 * and arrays as their compact JSON text) and the size in bytes of its JSON text.
 */
public record SqlParam(Object value, int jsonBytes) {
}
