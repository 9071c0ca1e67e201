package io.kalamdb.store;

/**
 * A {@link SecondaryIndex} with the partition holding its entries.
 *
 * @param index     the index definition
 * @param partition where its entries live ({@code system_index}, {@code <entity partition>:<index name>})
 * @param <V>       entity type
 */
record BoundIndex<V>(SecondaryIndex<V> index, Partition partition) {
}
