package io.kalamdb.commons.ids;

import java.util.Comparator;
import java.util.Objects;

/** A namespace-qualified table id, written {@code namespace.table} everywhere users see it. */
public record TableId(NamespaceId namespace, TableName table) implements Comparable<TableId> {
    private static final Comparator<TableId> ORDER =
            Comparator.comparing(TableId::namespace).thenComparing(TableId::table);

    public TableId {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(table, "table");
    }

    public static TableId of(String namespace, String table) {
        return new TableId(NamespaceId.of(namespace), TableName.of(table));
    }

    @Override
    public int compareTo(TableId o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return namespace.value() + "." + table.value();
    }
}
