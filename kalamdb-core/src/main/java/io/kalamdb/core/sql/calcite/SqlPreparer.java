package io.kalamdb.core.sql.calcite;

import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.models.ViewDefinition;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.system.tables.SystemTables;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Prepares a parsed query for planning, on the tree and never on the text: {@code $n} becomes a dynamic parameter,
 * decimal literals become DOUBLE, the JSON operators and {@code ::} become function calls and casts, table names are
 * resolved (qualified with the request's namespace, checked, views expanded with the caller's rights), and the
 * referenced tables are recorded for the default ORDER BY and the system-table guard.
 */
public final class SqlPreparer {
    private static final int MAX_VIEW_DEPTH = 16;

    private final AppContext ctx;
    private final SystemTables systemTables;
    private final Function<String, SqlNode> parser;

    public SqlPreparer(AppContext ctx, SystemTables systemTables, Function<String, SqlNode> parser) {
        this.ctx = ctx;
        this.systemTables = systemTables;
        this.parser = parser;
    }

    /** The outcome of {@link #prepare}: the rewritten tree, the tables it reads and its highest {@code $n}. */
    public record Prepared(SqlNode node, List<TableRef> tables, int maxUserParam) {
    }

    public Prepared prepare(SqlNode parsed, NamespaceId defaultNamespace) {
        ExpressionShuttle expressions = new ExpressionShuttle();
        SqlNode node = parsed.accept(expressions);
        List<TableRef> tables = new ArrayList<>();
        node = node.accept(new TableShuttle(defaultNamespace, tables, 0));
        return new Prepared(node, tables, expressions.maxParam);
    }

    /**
     * The JSON functions (spec sql.md §7.2) and the most path steps each takes in one call ({@code json_length} none:
     * Calcite's own JSON_LENGTH shares its name, so only the one-argument form is unambiguous).
     */
    private static final Map<String, Integer> JSON_PATH_ARGS = Map.ofEntries(Map.entry("JSON_GET", 3),
            Map.entry("JSON_GET_JSON", 3), Map.entry("JSON_GET_STR", 3), Map.entry("JSON_AS_TEXT", 2),
            Map.entry("JSON_GET_INT", 2), Map.entry("JSON_CONTAINS", 2), Map.entry("JSON_GET_FLOAT", 1),
            Map.entry("JSON_GET_BOOL", 1), Map.entry("JSON_LENGTH", 0), Map.entry("JSON_OBJECT_KEYS", 1));

    /** Niladic functions that KalamDB also accepts with empty parentheses ({@code CURRENT_USER()}). */
    private static final Set<String> NILADIC = Set.of("CURRENT_USER", "CURRENT_TIMESTAMP", "CURRENT_DATE");

    /** KalamDB type names Calcite does not know, for CAST and {@code ::}. */
    private static final Map<String, SqlTypeName> TYPE_ALIASES = Map.ofEntries(
            Map.entry("TEXT", SqlTypeName.VARCHAR), Map.entry("STRING", SqlTypeName.VARCHAR),
            Map.entry("JSON", SqlTypeName.VARCHAR), Map.entry("JSONB", SqlTypeName.VARCHAR),
            Map.entry("UUID", SqlTypeName.VARCHAR), Map.entry("NVARCHAR", SqlTypeName.VARCHAR),
            Map.entry("CLOB", SqlTypeName.VARCHAR), Map.entry("BYTES", SqlTypeName.VARBINARY),
            Map.entry("BLOB", SqlTypeName.VARBINARY), Map.entry("BYTEA", SqlTypeName.VARBINARY),
            Map.entry("INT2", SqlTypeName.SMALLINT), Map.entry("INT4", SqlTypeName.INTEGER),
            Map.entry("INT8", SqlTypeName.BIGINT), Map.entry("INT64", SqlTypeName.BIGINT),
            Map.entry("FLOAT4", SqlTypeName.REAL), Map.entry("FLOAT8", SqlTypeName.DOUBLE),
            Map.entry("FLOAT64", SqlTypeName.DOUBLE), Map.entry("BOOL", SqlTypeName.BOOLEAN),
            Map.entry("DATETIME", SqlTypeName.TIMESTAMP), Map.entry("TIMESTAMPTZ", SqlTypeName.TIMESTAMP));

    /** {@code $n}, decimal literals, {@code ->}, {@code ->>} and {@code ::}. */
    public static final class ExpressionShuttle extends SqlShuttle {
        private int maxParam;
        private int idCallSites;

        /** The highest {@code $n} seen. */
        public int maxParam() {
            return maxParam;
        }

        @Override
        public SqlNode visit(SqlIdentifier id) {
            if (id.isSimple()) {
                String name = id.getSimple();
                if (name.length() > 1 && name.charAt(0) == '$' && name.substring(1).chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(name.substring(1));
                    if (n < 1) {
                        throw new KalamDbException(ErrorCode.INVALID_SQL, "Invalid parameter " + name);
                    }
                    maxParam = Math.max(maxParam, n);
                    return new SqlDynamicParam(n - 1, id.getParserPosition());
                }
            }
            return id;
        }

        @Override
        public SqlNode visit(SqlDataTypeSpec type) {
            SqlTypeNameSpec spec = type.getTypeNameSpec();
            if (spec instanceof SqlBasicTypeNameSpec basic && basic.getTypeName().getSimple().equalsIgnoreCase("FLOAT")) {
                // FLOAT is KalamDB's 32-bit type (spec sql.md §12.1), Calcite's FLOAT is a double
                SqlParserPos pos = type.getParserPosition();
                return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.REAL, pos), pos)
                        .withNullable(type.getNullable());
            }
            if (spec instanceof SqlUserDefinedTypeNameSpec udt && udt.getTypeName().isSimple()) {
                SqlTypeName mapped = TYPE_ALIASES.get(udt.getTypeName().getSimple().toUpperCase(Locale.ROOT));
                if (mapped != null) {
                    SqlParserPos pos = type.getParserPosition();
                    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(mapped, pos), pos)
                            .withNullable(type.getNullable());
                }
            }
            return type;
        }

        @Override
        public SqlNode visit(SqlLiteral literal) {
            if (literal instanceof SqlNumericLiteral num && num.isExact() && num.getScale() != null
                    && num.getScale() > 0) {
                return SqlLiteral.createApproxNumeric(num.toValue(), num.getParserPosition());
            }
            return literal;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            SqlCall visited = (SqlCall) super.visit(call);
            if (visited == null) {
                return null;
            }
            if (visited.getOperator() == KalamOperators.JSON_GET_OP) {
                return function("JSON_GET", visited);
            }
            if (visited.getOperator() == KalamOperators.JSON_GET_TEXT_OP) {
                return function("JSON_AS_TEXT", visited);
            }
            if (visited.getOperator() == KalamOperators.JSON_HAS_KEY_OP) {
                return function("JSON_CONTAINS", visited);
            }
            if (visited.getOperator() instanceof SqlUnresolvedFunction id && visited.operandCount() == 0
                    && KalamFunctions.ID_FUNCTIONS.contains(id.getName().toUpperCase(Locale.ROOT))) {
                SqlParserPos pos = visited.getParserPosition();
                return id.createCall(pos, SqlLiteral.createExactNumeric(Integer.toString(idCallSites++), pos));
            }
            if (visited.getOperator() instanceof SqlUnresolvedFunction f && visited.operandCount() == 0
                    && NILADIC.contains(f.getName().toUpperCase(Locale.ROOT))) {
                return new SqlIdentifier(f.getName().toUpperCase(Locale.ROOT), visited.getParserPosition());
            }
            if (visited.getOperator() == SqlLibraryOperators.INFIX_CAST) {
                visited = SqlStdOperatorTable.CAST.createCall(visited.getParserPosition(), visited.operand(0),
                        (SqlDataTypeSpec) visited.operand(1));
            }
            if (visited.getKind() == SqlKind.CAST && visited.operand(0) instanceof SqlCharStringLiteral text
                    && visited.operand(1) instanceof SqlDataTypeSpec spec) {
                SqlLiteral time = timeLiteral(text, spec);
                if (time != null) {
                    return time;
                }
            }
            if (visited.getOperator() instanceof SqlUnresolvedFunction f) {
                Integer max = JSON_PATH_ARGS.get(f.getName().toUpperCase(Locale.ROOT));
                if (max != null && visited.operandCount() - 1 > max) {
                    return longJsonPath(f, visited, max);
                }
            }
            return visited;
        }

        /**
         * {@code f(doc, p1 … pn)} with more path steps than {@code f} takes at once: the leading steps select the
         * member first, {@code f(json_get_json(doc, p1 … pk), pk+1 … pn)}, so a path may be as long as needed.
         */
        private SqlNode longJsonPath(SqlUnresolvedFunction f, SqlCall call, int max) {
            SqlParserPos pos = call.getParserPosition();
            List<SqlNode> ops = call.getOperandList();
            int split = ops.size() - max;
            SqlUnresolvedFunction get = new SqlUnresolvedFunction(new SqlIdentifier("JSON_GET_JSON", pos), null, null,
                    null, null, SqlFunctionCategory.USER_DEFINED_FUNCTION);
            if (f.getName().equalsIgnoreCase("JSON_CONTAINS")) {
                // the path exists when the member it selects does (a JSON null member reads as the text null)
                return SqlStdOperatorTable.IS_NOT_NULL.createCall(pos, visit(get.createCall(pos, ops)));
            }
            SqlNode member = visit(get.createCall(pos, ops.subList(0, split)));
            List<SqlNode> outer = new ArrayList<>(ops.size() - split + 1);
            outer.add(member);
            outer.addAll(ops.subList(split, ops.size()));
            return f.createCall(pos, outer);
        }

        /**
         * {@code CAST('<text>' AS TIMESTAMP|TIME)} without a smaller precision as a typed literal read the way a column
         * reads text (ISO forms with T, Z or an offset; µs fractions), or null when the text is no such value.
         */
        private static SqlLiteral timeLiteral(SqlCharStringLiteral text, SqlDataTypeSpec spec) {
            if (!(spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec type)) {
                return null;
            }
            String name = type.getTypeName().getSimple().toUpperCase(Locale.ROOT);
            boolean time = name.equals("TIME");
            if (!time && !name.equals("TIMESTAMP") && !name.equals("DATETIME") && !name.equals("TIMESTAMPTZ")
                    || type.getPrecision() >= 0 && type.getPrecision() < 6) {
                return null;
            }
            SqlParserPos pos = text.getParserPosition();
            try {
                long us = (Long) ValueCoercion.coerce(text.getValueAs(String.class),
                        time ? KalamDataType.TIME : KalamDataType.TIMESTAMP, null);
                if (time) {
                    LocalTime t = LocalTime.ofNanoOfDay(us * 1000L);
                    return SqlLiteral.createTime(new TimeString(t.getHour(), t.getMinute(), t.getSecond())
                            .withNanos(t.getNano()), 6, pos);
                }
                LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(us, 1_000_000L),
                        (int) Math.floorMod(us, 1_000_000L) * 1000, ZoneOffset.UTC);
                return SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, new TimestampString(t.getYear(),
                        t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond())
                        .withNanos(t.getNano()), 6, pos);
            } catch (KalamDbException notATime) {
                return null;
            }
        }

        private static SqlNode function(String name, SqlCall call) {
            SqlParserPos pos = call.getParserPosition();
            SqlUnresolvedFunction f = new SqlUnresolvedFunction(new SqlIdentifier(name, pos), null, null, null, null,
                    SqlFunctionCategory.USER_DEFINED_FUNCTION);
            return f.createCall(pos, call.operand(0), call.operand(1));
        }
    }

    /** Resolves every table reference in FROM clauses, at any depth, honouring CTE names. */
    private final class TableShuttle extends SqlShuttle {
        private final NamespaceId defaultNamespace;
        private final List<TableRef> tables;
        private final int depth;
        private final Deque<Set<String>> cteScopes = new ArrayDeque<>();

        TableShuttle(NamespaceId defaultNamespace, List<TableRef> tables, int depth) {
            this.defaultNamespace = defaultNamespace;
            this.tables = tables;
            this.depth = depth;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            if (call instanceof SqlWith with) {
                Set<String> names = new HashSet<>();
                cteScopes.push(names);
                try {
                    for (SqlNode item : with.withList) {
                        SqlWithItem w = (SqlWithItem) item;
                        w.query = w.query.accept(this);
                        names.add(w.name.getSimple().toLowerCase(Locale.ROOT));
                    }
                    with.body = with.body.accept(this);
                    return with;
                } finally {
                    cteScopes.pop();
                }
            }
            if (call instanceof SqlSelect select && select.getFrom() != null) {
                select.setFrom(resolveFrom(select.getFrom()));
            }
            return super.visit(call);
        }

        private SqlNode resolveFrom(SqlNode from) {
            if (from instanceof SqlIdentifier id) {
                return resolveTable(id, true);
            }
            if (from instanceof SqlJoin join) {
                join.setLeft(resolveFrom(join.getLeft()));
                join.setRight(resolveFrom(join.getRight()));
                return join;
            }
            if (from.getKind() == SqlKind.AS) {
                SqlBasicCall as = (SqlBasicCall) from;
                SqlNode source = as.operand(0);
                if (source instanceof SqlIdentifier id) {
                    as.setOperand(0, resolveTable(id, false));
                } else {
                    as.setOperand(0, source.accept(this));
                }
                return as;
            }
            return from;
        }

        /** Qualifies and checks one table name; a view becomes its expanded query (aliased when {@code alias}). */
        private SqlNode resolveTable(SqlIdentifier id, boolean alias) {
            List<String> names = id.names;
            if (names.size() == 1 && isCte(names.get(0))) {
                return id;
            }
            if (names.size() > 2) {
                throw notFound("Table '" + String.join(".", names) + "' not found");
            }
            String ns = names.size() == 2 ? names.get(0).toLowerCase(Locale.ROOT) : defaultNamespace.value();
            String table = names.get(names.size() - 1).toLowerCase(Locale.ROOT);
            TableId tableId = TableId.of(ns, table);
            if (names.size() == 1 && (ns.equals("system") || ns.equals("information_schema"))) {
                // system tables always need their namespace prefix (spec sql.md §1)
                throw notFound("Table '" + tableId + "' not found");
            }
            SqlIdentifier qualified = new SqlIdentifier(List.of(ns, table), id.getParserPosition());
            if (ns.equals("system") || ns.equals("information_schema")) {
                boolean exists = ns.equals("system") ? systemTables.system().containsKey(table)
                        : systemTables.informationSchema().containsKey(table);
                if (!exists) {
                    throw notFound("Table '" + tableId + "' not found");
                }
                tables.add(new TableRef(tableId, null, ns.equals("system")));
                return qualified;
            }
            if (!ctx.namespaces().exists(NamespaceId.of(ns))) {
                throw notFound("Namespace '" + ns + "' does not exist");
            }
            TableDefinition def = ctx.schemas().table(tableId).orElse(null);
            if (def != null) {
                tables.add(new TableRef(tableId, def, false));
                return qualified;
            }
            ViewDefinition view = ctx.schemas().view(tableId).orElse(null);
            if (view == null) {
                throw notFound("Table '" + tableId + "' not found");
            }
            if (depth >= MAX_VIEW_DEPTH) {
                throw KalamDbException.userError("View nesting is too deep at view " + tableId);
            }
            SqlNode body = parser.apply(view.sql()).accept(new ExpressionShuttle());
            body = body.accept(new TableShuttle(NamespaceId.of(ns), tables, depth + 1));
            tables.add(new TableRef(tableId, null, false));
            if (!alias) {
                return body;
            }
            List<SqlNode> operands = new ArrayList<>();
            operands.add(body);
            operands.add(new SqlIdentifier(table, id.getParserPosition()));
            for (String c : view.columnAliases() == null ? List.<String>of() : view.columnAliases()) {
                operands.add(new SqlIdentifier(c, id.getParserPosition()));
            }
            return SqlStdOperatorTable.AS.createCall(id.getParserPosition(), operands);
        }

        private boolean isCte(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Set<String> scope : cteScopes) {
                if (scope.contains(lower)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static KalamDbException notFound(String message) {
        return new KalamDbException(ErrorCode.TABLE_NOT_FOUND, message);
    }

    /**
     * The scan hints of a prepared (and lifted) query: a {@code pk = ?} conjunct in the WHERE of a top-level select
     * over one USER or SHARED table, and whether any WHERE mentions {@code _deleted}.
     */
    public static ScanHints scanHints(SqlNode node, List<TableRef> tables) {
        boolean[] deleted = {false};
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect s && s.getWhere() != null) {
                    s.getWhere().accept(new SqlShuttle() {
                        @Override
                        public SqlNode visit(SqlIdentifier id) {
                            if (id.names.get(id.names.size() - 1).equalsIgnoreCase(ColumnDefinition.DELETED)) {
                                deleted[0] = true;
                            }
                            return id;
                        }
                    });
                }
                return super.visit(call);
            }
        });
        Map<TableId, Integer> pk = Map.of();
        SqlNode top = node instanceof SqlOrderBy ob ? ob.query : node;
        if (tables.size() == 1 && tables.get(0).definition() != null && top instanceof SqlSelect s
                && s.getWhere() != null && tables.get(0).definition().primaryKey() != null) {
            TableDefinition def = tables.get(0).definition();
            int param = pkParam(s.getWhere(), def.primaryKey().columnName());
            if (param >= 0) {
                pk = Map.of(def.tableId(), param);
            }
        }
        return new ScanHints(pk, deleted[0]);
    }

    /** The parameter index of a {@code pk = ?} conjunct of {@code where}, or -1. */
    private static int pkParam(SqlNode where, String pkColumn) {
        if (where.getKind() == SqlKind.AND) {
            for (SqlNode operand : ((SqlCall) where).getOperandList()) {
                int p = pkParam(operand, pkColumn);
                if (p >= 0) {
                    return p;
                }
            }
            return -1;
        }
        if (where.getKind() != SqlKind.EQUALS) {
            return -1;
        }
        SqlNode a = ((SqlCall) where).operand(0);
        SqlNode b = ((SqlCall) where).operand(1);
        if (b instanceof SqlIdentifier) {
            SqlNode t = a;
            a = b;
            b = t;
        }
        if (a instanceof SqlIdentifier id && b instanceof SqlDynamicParam p
                && id.names.get(id.names.size() - 1).equalsIgnoreCase(pkColumn)) {
            return p.getIndex();
        }
        return -1;
    }

    /**
     * Fails with the contract's message when the tree references a parameter beyond those given
     * (spec http-api.md §5.8). Returns the number of parameter slots the tree uses.
     */
    public static int checkParams(SqlNode node, int given) {
        int[] max = {0};
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                max[0] = Math.max(max[0], param.getIndex() + 1);
                return param;
            }
        });
        if (max[0] > given) {
            throw KalamDbException.userError("Parameter $" + max[0] + " has no value (" + given
                    + " parameters given)");
        }
        return max[0];
    }

    /**
     * Applies the implicit LIMIT and ORDER BY of a top-level SELECT (spec http-api.md §5.9): no LIMIT → the default;
     * a literal LIMIT above the maximum → the maximum; no ORDER BY on a single USER/SHARED table → its primary key,
     * on a STREAM table → {@code _seq}.
     */
    public static SqlNode applyLimits(SqlNode node, List<TableRef> tables, int defaultLimit, int maxLimit) {
        SqlParserPos pos = SqlParserPos.ZERO;
        if (node instanceof SqlOrderBy ob) {
            SqlNode fetch = ob.fetch;
            if (fetch == null) {
                fetch = SqlLiteral.createExactNumeric(Integer.toString(defaultLimit), pos);
            } else if (fetch instanceof SqlNumericLiteral n && n.longValue(false) > maxLimit) {
                fetch = SqlLiteral.createExactNumeric(Integer.toString(maxLimit), pos);
            }
            SqlNodeList order = ob.orderList;
            if (order.isEmpty() && ob.query instanceof SqlSelect s) {
                order = defaultOrder(s, tables);
            }
            return new SqlOrderBy(ob.getParserPosition(), ob.query, order, ob.offset, fetch);
        }
        if (node instanceof SqlSelect s && s.getFetch() != null) {
            SqlNode fetch = s.getFetch();
            if (fetch instanceof SqlNumericLiteral n && n.longValue(false) > maxLimit) {
                s.setFetch(SqlLiteral.createExactNumeric(Integer.toString(maxLimit), pos));
            }
            if (s.getOrderList() == null || s.getOrderList().isEmpty()) {
                s.setOrderBy(defaultOrder(s, tables));
            }
            return s;
        }
        SqlNodeList order = node instanceof SqlSelect s ? defaultOrder(s, tables) : SqlNodeList.EMPTY;
        return new SqlOrderBy(pos, node, order, null, SqlLiteral.createExactNumeric(Integer.toString(defaultLimit), pos));
    }

    /**
     * Integer literals in a select list are BIGINT (spec sql.md §7: {@code SELECT 1} is a BigInt column): each one
     * that is a whole select item becomes {@code CAST(literal AS BIGINT)}.
     */
    public static void bigintSelectLiterals(SqlNode node) {
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect s) {
                    SqlNodeList items = s.getSelectList();
                    for (int i = 0; i < items.size(); i++) {
                        items.set(i, bigint(items.get(i)));
                    }
                }
                return super.visit(call);
            }
        });
    }

    private static final Set<SqlKind> INTEGER_CARRYING = Set.of(SqlKind.PLUS, SqlKind.MINUS, SqlKind.TIMES,
            SqlKind.DIVIDE, SqlKind.MOD, SqlKind.MINUS_PREFIX);

    /**
     * Functions whose result type follows their integer arguments, with how many leading arguments do (0 = all):
     * {@code round(x, 2)} keeps its digits argument an INTEGER.
     */
    private static final Map<String, Integer> INTEGER_CARRYING_FUNCTIONS = Map.of("COALESCE", 0, "NULLIF", 0,
            "IFNULL", 0, "ABS", 0, "MOD", 0, "GREATEST", 0, "LEAST", 0, "SIGN", 0, "ROUND", 1, "TRUNC", 1);

    /** How many leading operands of {@code call} carry their integer type to its result (0 = none). */
    private static int integerCarryingOperands(SqlBasicCall call) {
        int all = call.operandCount();
        if (call.getOperator() instanceof SqlFunction f) {
            Integer leading = INTEGER_CARRYING_FUNCTIONS.get(f.getName().toUpperCase(Locale.ROOT));
            return leading == null ? 0 : leading == 0 ? all : Math.min(leading, all);
        }
        if (call.getKind() == SqlKind.AS) {
            return 1;
        }
        return INTEGER_CARRYING.contains(call.getKind()) ? all : 0;
    }

    /** Integer literals that decide an expression's type (arithmetic, CASE branches, functions) as BIGINT literals. */
    private static SqlNode bigint(SqlNode node) {
        if (node instanceof SqlNumericLiteral n && n.isExact() && n.isInteger()) {
            SqlParserPos pos = n.getParserPosition();
            return SqlStdOperatorTable.CAST.createCall(pos, n,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.BIGINT, pos), pos));
        }
        if (node instanceof SqlCase c) {
            SqlNodeList thens = c.getThenOperands();
            for (int i = 0; i < thens.size(); i++) {
                thens.set(i, varchar(bigint(thens.get(i))));
            }
            if (c.getElseOperand() != null) {
                c.setOperand(3, varchar(bigint(c.getElseOperand())));
            }
            return c;
        }
        if (node instanceof SqlBasicCall call) {
            for (int i = 0, n = integerCarryingOperands(call); i < n; i++) {
                call.setOperand(i, bigint(call.operand(i)));
            }
        }
        return node;
    }

    /** A string literal as VARCHAR, so CASE branches of different lengths are not blank-padded. */
    private static SqlNode varchar(SqlNode node) {
        if (node instanceof SqlCharStringLiteral lit) {
            SqlParserPos pos = lit.getParserPosition();
            return SqlStdOperatorTable.CAST.createCall(pos, lit,
                    new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos), pos));
        }
        return node;
    }

    private static SqlNodeList defaultOrder(SqlSelect s, List<TableRef> tables) {
        if (s.getGroup() != null || s.getHaving() != null || s.isDistinct() || hasAggregate(s.getSelectList())) {
            return SqlNodeList.EMPTY;
        }
        // the FROM is one table (sub-queries elsewhere, e.g. in WHERE, do not change that)
        SqlNode from = s.getFrom();
        if (from != null && from.getKind() == SqlKind.AS) {
            from = ((SqlCall) from).operand(0);
        }
        if (!(from instanceof SqlIdentifier id) || id.names.size() != 2) {
            return SqlNodeList.EMPTY;
        }
        TableId fromId = TableId.of(id.names.get(0), id.names.get(1));
        TableDefinition def = tables.stream().filter(t -> t.definition() != null && t.id().equals(fromId))
                .map(TableRef::definition).findFirst().orElse(null);
        if (def == null) {
            return SqlNodeList.EMPTY;
        }
        String column;
        if (def.tableType() == TableType.STREAM) {
            column = ColumnDefinition.SEQ;
        } else {
            ColumnDefinition pk = def.primaryKey();
            if (pk == null) {
                return SqlNodeList.EMPTY;
            }
            column = pk.columnName();
        }
        SqlNodeList list = new SqlNodeList(SqlParserPos.ZERO);
        list.add(new SqlIdentifier(column, SqlParserPos.ZERO));
        return list;
    }

    private static final Set<String> AGGREGATES = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX", "STDDEV", "VARIANCE",
            "ANY_VALUE", "LISTAGG", "STRING_AGG", "ARRAY_AGG", "BOOL_AND", "BOOL_OR", "EVERY", "SOME");

    private static boolean hasAggregate(SqlNodeList selectList) {
        boolean[] found = {false};
        selectList.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call.getOperator().isAggregator()
                        || AGGREGATES.contains(call.getOperator().getName().toUpperCase(Locale.ROOT))) {
                    found[0] = true;
                    return call;
                }
                if (call instanceof SqlSelect) {
                    return call;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    /**
     * The longest IN list whose literals are lifted into parameters, where they are read as the column reads them
     * (UUID spellings, µs times). Longer lists keep their literals, which Calcite plans as a join with their values:
     * fast to plan, compared in Calcite's own representation.
     */
    private static final int IN_LIST_LIFT_LIMIT = 1000;

    /** Predicates whose literal operands are lifted: the other operand gives the parameter its type. */
    private static final Set<SqlKind> LIFTED_PREDICATES = Set.of(SqlKind.EQUALS, SqlKind.NOT_EQUALS,
            SqlKind.LESS_THAN, SqlKind.LESS_THAN_OR_EQUAL, SqlKind.GREATER_THAN, SqlKind.GREATER_THAN_OR_EQUAL,
            SqlKind.IS_DISTINCT_FROM, SqlKind.IS_NOT_DISTINCT_FROM, SqlKind.IN, SqlKind.NOT_IN, SqlKind.LIKE,
            SqlKind.BETWEEN);

    /**
     * Lifts the numeric and string literals compared in WHERE clauses ({@code col = 5}, {@code col IN ('a', 'b')},
     * {@code col BETWEEN 1 AND 9}, {@code col LIKE 'x%'}) into dynamic parameters numbered from {@code firstIndex},
     * so queries that differ only in those literals share a cached plan. Literals inside arithmetic or function
     * calls, and predicates of constants only, stay literals: nothing would type their parameters. Returns the
     * lifted values in order.
     */
    public static List<Object> liftLiterals(SqlNode node, int firstIndex) {
        List<Object> values = new ArrayList<>();
        SqlShuttle lifter = new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (!LIFTED_PREDICATES.contains(call.getKind()) || !(call instanceof SqlBasicCall)) {
                    return super.visit(call);
                }
                List<SqlNode> operands = call.getOperandList();
                boolean typed = operands.stream().anyMatch(o -> o != null && !isConstant(o));
                List<SqlNode> out = new ArrayList<>(operands.size());
                for (SqlNode o : operands) {
                    out.add(o == null ? null : typed && isConstant(o) ? lift(o) : o.accept(this));
                }
                return call.getOperator().createCall(call.getFunctionQuantifier(), call.getParserPosition(), out);
            }

            private SqlNode lift(SqlNode constant) {
                if (constant instanceof SqlNodeList list && list.size() > IN_LIST_LIFT_LIMIT) {
                    // a long list of literals is planned as a join with its values; parameters would be OR-ed
                    return list;
                }
                if (constant instanceof SqlNodeList list) {
                    SqlNodeList lifted = new SqlNodeList(list.getParserPosition());
                    for (SqlNode item : list) {
                        lifted.add(lift(item));
                    }
                    return lifted;
                }
                if (constant instanceof SqlNumericLiteral num && num.isExact()) {
                    values.add(num.bigDecimalValue());
                } else if (constant instanceof SqlCharStringLiteral str) {
                    values.add(str.getValueAs(String.class));
                } else {
                    return constant;
                }
                return new SqlDynamicParam(firstIndex + values.size() - 1, constant.getParserPosition());
            }
        };
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect s && s.getWhere() != null) {
                    s.setWhere(s.getWhere().accept(lifter));
                }
                return super.visit(call);
            }
        });
        return values;
    }

    /** A literal, a parameter, or a list of them. */
    private static boolean isConstant(SqlNode node) {
        if (node instanceof SqlNodeList list) {
            for (SqlNode item : list) {
                if (!isConstant(item)) {
                    return false;
                }
            }
            return true;
        }
        return node instanceof SqlLiteral || node instanceof SqlDynamicParam;
    }
}
