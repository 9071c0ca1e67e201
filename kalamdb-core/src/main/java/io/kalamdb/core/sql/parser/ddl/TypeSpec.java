package io.kalamdb.core.sql.parser.ddl;

import java.util.List;

/**
 * A data type as written: its words joined by single spaces ({@code "double precision"}, {@code "INT[]"}) and the
 * numbers in its parentheses. It is resolved by the handler, after the role check.
 */
public record TypeSpec(String typeName, List<Integer> params) {
}
