package io.kalamdb.core.sql.parser.ddl;

/**
 * A table or view name as written: {@code namespace.name} or just {@code name} ({@code namespace} null). Names are
 * kept as written; the handlers lowercase them (spec sql.md §1).
 */
public record QualifiedName(String namespace, String name) {
    @Override
    public String toString() {
        return namespace == null ? name : namespace + "." + name;
    }
}
