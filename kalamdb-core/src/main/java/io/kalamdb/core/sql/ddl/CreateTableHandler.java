package io.kalamdb.core.sql.ddl;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.IdentifierRules;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.TableOptions;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.schema.SchemaRegistry;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.parser.ddl.CreateTableStatement;
import io.kalamdb.core.sql.parser.ddl.OptionValue;
import io.kalamdb.core.system.Micros;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code CREATE [USER|SHARED|STREAM] TABLE} (spec sql.md §3). */
public final class CreateTableHandler {
    private static final Logger log = LoggerFactory.getLogger(CreateTableHandler.class);

    private CreateTableHandler() {
    }

    public static StatementResult execute(AppContext ctx, CreateTableStatement stmt, ExecutionContext exec) {
        TableType type = tableType(stmt);
        TableId id = TableNames.resolve(stmt.name(), exec);
        if (id.namespace().isSystem()) {
            throw KalamDbException.userError("Cannot create tables in the system namespace");
        }
        IdentifierRules.violation(stmt.name().name()).ifPresent(problem -> {
            throw KalamDbException.userError(problem);
        });
        List<ColumnDefinition> columns = TableColumns.build(type, stmt.columns(), stmt.constraints());
        TableOptions options = TableOptionRules.forCreate(ctx, type, stmt.options());
        SchemaRegistry schemas = ctx.schemas();
        synchronized (schemas.ddlLock()) {
            if (!ctx.namespaces().exists(id.namespace())) {
                throw KalamDbException.userError("Namespace '" + id.namespace() + "' does not exist. Create it first"
                        + " with CREATE NAMESPACE " + id.namespace());
            }
            if (schemas.table(id).isPresent() || schemas.view(id).isPresent()) {
                if (stmt.ifNotExists()) {
                    return DdlResults.message("Table " + id + " already exists (IF NOT EXISTS)", exec);
                }
                throw KalamDbException.userError("Table " + id + " already exists");
            }
            long now = Micros.now(ctx.clock());
            TableDefinition def = new TableDefinition(id, schemas.allocateTableUid(), type, 1, columns, options, null,
                    now, now, columns.size() + 1);
            schemas.put(def);
            log.info("Table created table_id={} type={} uid={}", id, type, def.tableUid());
        }
        DdlResults.audit(ctx, exec, "CREATE_TABLE", id.toString(), "Type: " + type.wireName());
        return DdlResults.message("Table " + id + " created successfully (" + type.wireName() + ")", exec);
    }

    /** The prefix keyword or the WITH TYPE option; SHARED when neither is given (spec sql.md §3.1). */
    private static TableType tableType(CreateTableStatement stmt) {
        OptionValue option = stmt.options().get("TYPE");
        TableType fromOption = option == null ? null : optionType(option);
        if (stmt.typeKeyword() != null && fromOption != null && fromOption != stmt.typeKeyword()) {
            throw KalamDbException.userError("Table type '" + fromOption.name() + "' in WITH conflicts with CREATE "
                    + stmt.typeKeyword().name() + " TABLE");
        }
        if (stmt.typeKeyword() != null) {
            return stmt.typeKeyword();
        }
        return fromOption != null ? fromOption : TableType.SHARED;
    }

    private static TableType optionType(OptionValue option) {
        String text = option.text().trim().toUpperCase(Locale.ROOT);
        switch (text) {
            case "USER":
                return TableType.USER;
            case "SHARED":
                return TableType.SHARED;
            case "STREAM":
                return TableType.STREAM;
            case "SYSTEM":
                throw KalamDbException.userError("Cannot create SYSTEM tables via SQL");
            default:
                throw KalamDbException.userError("Invalid table type '" + option.text()
                        + "'. Supported: USER, SHARED, STREAM");
        }
    }
}
