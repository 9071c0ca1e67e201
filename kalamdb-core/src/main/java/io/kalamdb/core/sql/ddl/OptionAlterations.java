package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.AccessLevel;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.core.sql.parser.ddl.OptionValue;
import io.kalamdb.core.sql.parser.ddl.SetAccessLevel;
import io.kalamdb.core.sql.parser.ddl.SetTableProperties;
import java.util.Map;
import java.util.StringJoiner;

/** ALTER TABLE operations on the table options: SET ACCESS LEVEL and SET TBLPROPERTIES (spec sql.md §4). */
final class OptionAlterations {
    private OptionAlterations() {
    }

    static AlterOutcome accessLevel(TableDefinition def, SetAccessLevel op) {
        AccessLevel level = TableOptionRules.accessLevel(def.tableType(), op.level());
        TableOptions options = TableOptionRules.withAccessLevel(def.options(), level);
        return AlterOutcome.options("SET ACCESS LEVEL " + level.wireName(), def, options);
    }

    static AlterOutcome properties(TableDefinition def, SetTableProperties op) {
        TableOptions options = TableOptionRules.withProperties(def.options(), def.tableType(), op.properties());
        StringJoiner text = new StringJoiner(", ", "SET TBLPROPERTIES (", ")");
        for (Map.Entry<String, OptionValue> property : op.properties().entrySet()) {
            text.add(property.getKey() + "=" + property.getValue().sql());
        }
        return AlterOutcome.options(text.toString(), def, options);
    }
}
