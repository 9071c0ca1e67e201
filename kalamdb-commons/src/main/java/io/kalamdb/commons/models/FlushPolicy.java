package io.kalamdb.commons.models;

/** {@code FLUSH_POLICY}: a row limit and/or an age in seconds; a null part is unset (spec sql.md §3.3). */
public record FlushPolicy(Long rows, Long intervalSeconds) {
}
