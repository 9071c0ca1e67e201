package io.kalamdb.core.sql.parser.ddl;

import java.util.List;

/** A table-level constraint of CREATE TABLE: {@code [CONSTRAINT c] PRIMARY KEY (…)} or a refused kind. */
public record TableConstraint(Kind kind, List<String> columns) {
    /** The constraint kinds; every kind but PRIMARY_KEY is refused by the handler. */
    public enum Kind {
        PRIMARY_KEY("PRIMARY KEY"),
        UNIQUE("UNIQUE"),
        CHECK("CHECK"),
        FOREIGN_KEY("FOREIGN KEY");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
