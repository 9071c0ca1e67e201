package io.kalamdb.core.sql.calcite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.kalamdb.auth.RolePolicy;
import io.kalamdb.commons.enums.TableType;
import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import io.kalamdb.commons.ids.NamespaceId;
import io.kalamdb.commons.ids.TableId;
import io.kalamdb.commons.models.ColumnDefinition;
import io.kalamdb.commons.models.TableDefinition;
import io.kalamdb.commons.types.CellEncoder;
import io.kalamdb.commons.types.KalamDataType;
import io.kalamdb.commons.types.ValueCoercion;
import io.kalamdb.core.AppContext;
import io.kalamdb.core.sql.ExecutionContext;
import io.kalamdb.core.sql.SchemaField;
import io.kalamdb.core.sql.SqlParam;
import io.kalamdb.core.sql.StatementResult;
import io.kalamdb.core.sql.calcite.parser.KalamSqlParserImpl;
import io.kalamdb.core.system.tables.SystemColumn;
import io.kalamdb.core.system.tables.SystemTable;
import io.kalamdb.core.system.tables.SystemTables;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelColumnOrigin;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql2rel.ConvertToChecked;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.tools.ValidationException;

/**
 * Runs SELECT-shaped queries through Calcite (spec sql.md §7): parse with KalamDB's grammar, prepare the tree
 * ({@link SqlPreparer}), apply the implicit LIMIT/ORDER BY, lift WHERE literals into parameters, then look up or
 * compile the plan (keyed by the normalised tree and the catalog version) and execute it with the caller's scope.
 * The system-table guard is checked at every execution, never baked into a plan.
 */
public final class QueryEngine {
    private static final int PLAN_CACHE_SIZE = 5_000;

    private final AppContext ctx;
    private final KalamCatalog catalog;
    private final SqlPreparer preparer;
    private final SqlParser.Config parserConfig;
    private final SqlOperatorTable operatorTable;
    private final JavaTypeFactory typeFactory = new JavaTypeFactoryImpl(KalamTypeSystem.INSTANCE);
    private final Cache<String, CompiledQuery> plans = Caffeine.newBuilder().maximumSize(PLAN_CACHE_SIZE).build();
    private final Cache<String, TextPlan> textPlans = Caffeine.newBuilder().maximumSize(PLAN_CACHE_SIZE).build();

    public QueryEngine(AppContext ctx) {
        this.ctx = ctx;
        SystemTables systemTables = new SystemTables(ctx, this::viewShape);
        this.catalog = new KalamCatalog(ctx, systemTables);
        this.parserConfig = SqlParser.config()
                .withParserFactory(KalamSqlParserImpl.FACTORY)
                .withQuoting(Quoting.DOUBLE_QUOTE)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withQuotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(SqlConformanceEnum.LENIENT);
        this.preparer = new SqlPreparer(ctx, systemTables, this::parse);
        this.operatorTable = SqlOperatorTables.chain(SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
                EnumSet.of(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL)), KalamFunctions.operators());
    }

    public SystemTables systemTables() {
        return catalog.systemTables();
    }

    /** Parses one statement with KalamDB's grammar; syntax errors are {@code INVALID_SQL}. */
    public SqlNode parse(String sql) {
        try {
            return SqlParser.create(sql, parserConfig).parseStmt();
        } catch (SqlParseException e) {
            String message = e.getMessage() == null ? "syntax error" : e.getMessage();
            int nl = message.indexOf('\n');
            throw new KalamDbException(ErrorCode.INVALID_SQL,
                    "Syntax error: " + (nl > 0 ? message.substring(0, nl) : message));
        }
    }

    /** How a query runs: as the top-level SELECT of a request (implicit LIMIT/ORDER BY) or internally. */
    public enum Mode { TOP_LEVEL, INTERNAL }

    /** The rows of a query and how to present them. */
    public record Result(CompiledQuery query, List<String> names, List<Object[]> rows) {
    }

    /** Runs a query and returns the storage values of its rows. */
    public Result run(String sql, SqlNode parsed, ExecutionContext exec, List<SqlParam> params,
                      QueryScope scope, Mode mode) {
        return run(sql, parsed, () -> parse(sql), exec, params, scope, mode);
    }

    /**
     * Runs a query whose tree {@code parsed} was built from {@code sql}; {@code fresh} builds an unprepared copy of
     * it again, for planning the literal form when the lifted one cannot be typed.
     */
    public Result run(String sql, SqlNode parsed, Supplier<SqlNode> fresh, ExecutionContext exec,
                      List<SqlParam> params, QueryScope scope, Mode mode) {
        List<String> itemTexts = mode == Mode.TOP_LEVEL ? ColumnNames.selectItemTexts(parsed, sql) : null;
        Planned planned = plan(sql, parsed, fresh, exec.defaultNamespace(), params, mode);
        checkReadAccess(planned.tables, scope);
        KalamDataContext.Params values = bindValues(planned, params);
        CompiledQuery q = planned.compiled;
        List<Object[]> rows = scope.run(() -> execute(q, values, scope, planned.hints));
        return new Result(q, names(q, itemTexts), mode == Mode.TOP_LEVEL ? capped(rows) : rows);
    }

    /** A top-level query prepared from its exact text: what a repeat of the same text can reuse without parsing. */
    private record TextPlan(Planned planned, List<String> names) {
    }

    /**
     * Runs a top-level query given as text and renders the row result (spec http-api.md §5.3). The same text in the
     * same namespace, catalog version and parameter shape reuses its parse and plan; the caller's access checks
     * and parameters are applied at every execution.
     */
    public StatementResult select(String sql, ExecutionContext exec, List<SqlParam> params, QueryScope scope) {
        String key = ctx.schemas().catalogVersion() + "|" + exec.defaultNamespace() + "|" + paramSignature(params)
                + "|" + sql;
        TextPlan cached = textPlans.getIfPresent(key);
        Result r;
        if (cached != null) {
            checkReadAccess(cached.planned().tables, scope);
            KalamDataContext.Params values = bindValues(cached.planned(), params);
            CompiledQuery q = cached.planned().compiled;
            ScanHints hints = cached.planned().hints;
            List<Object[]> rows = scope.run(() -> execute(q, values, scope, hints));
            r = new Result(q, cached.names(), capped(rows));
        } else {
            SqlNode parsed = parse(sql);
            if (!parsed.getKind().belongsTo(SqlKind.QUERY)) {
                throw KalamDbException.userError("Expected a query");
            }
            List<String> itemTexts = ColumnNames.selectItemTexts(parsed, sql);
            Planned planned = plan(sql, parsed, () -> parse(sql), exec.defaultNamespace(), params, Mode.TOP_LEVEL);
            checkReadAccess(planned.tables, scope);
            KalamDataContext.Params values = bindValues(planned, params);
            CompiledQuery q = planned.compiled;
            List<Object[]> rows = scope.run(() -> execute(q, values, scope, planned.hints));
            r = new Result(q, names(q, itemTexts), capped(rows));
            textPlans.put(key, new TextPlan(planned, r.names()));
        }
        return render(r, scope);
    }

    /**
     * The rows of a top-level query, at most {@code limits.max_query_limit}: a literal LIMIT is capped on the tree,
     * a parameter ({@code LIMIT $1}) only gets its value at execution.
     */
    private List<Object[]> capped(List<Object[]> rows) {
        int max = ctx.config().limits().maxQueryLimit();
        return rows.size() > max ? rows.subList(0, max) : rows;
    }

    private static StatementResult render(Result r, QueryScope scope) {
        CompiledQuery q = r.query();
        List<SchemaField> schema = new ArrayList<>(r.names().size());
        for (int i = 0; i < r.names().size(); i++) {
            schema.add(new SchemaField(r.names().get(i), q.fieldTypes().get(i), i, q.fieldFlags().get(i)));
        }
        List<List<Object>> rows = new ArrayList<>(r.rows().size());
        for (Object[] row : r.rows()) {
            Object[] cells = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                cells[i] = CellEncoder.encode(q.fieldTypes().get(i), row[i]);
            }
            rows.add(Arrays.asList(cells));
        }
        return new StatementResult.Rows(schema, rows, scope.userId().value());
    }

    /**
     * The result columns of {@code SELECT * FROM <view>} (names, types, flags), planned but never run: what
     * information_schema.columns lists for a view.
     */
    public CompiledQuery viewShape(TableId view) {
        String sql = "SELECT * FROM \"" + view.namespace().value() + "\".\"" + view.table().value() + "\"";
        return plan(sql, parse(sql), () -> parse(sql), view.namespace(), null, Mode.INTERNAL).compiled;
    }

    /** The plans of a query, for EXPLAIN. */
    public CompiledQuery explain(String sql, SqlNode parsed, ExecutionContext exec,
                                 List<SqlParam> params, QueryScope scope) {
        Planned planned = plan(sql, parsed, () -> parse(sql), exec.defaultNamespace(), params, Mode.INTERNAL);
        checkReadAccess(planned.tables, scope);
        return planned.compiled;
    }

    private record Planned(CompiledQuery compiled, List<TableRef> tables, List<Object> lifted, int liftedFrom,
                           ScanHints hints) {
    }

    private Planned plan(String sql, SqlNode parsed, Supplier<SqlNode> fresh, NamespaceId defaultNamespace,
                         List<SqlParam> params, Mode mode) {
        int given = params == null ? 0 : params.size();
        SqlPreparer.Prepared prepared = preparer.prepare(parsed, defaultNamespace);
        SqlNode node = prepared.node();
        SqlPreparer.checkParams(node, given);
        SqlPreparer.bigintSelectLiterals(node);
        if (mode == Mode.TOP_LEVEL && node.getKind().belongsTo(SqlKind.QUERY)) {
            node = SqlPreparer.applyLimits(node, prepared.tables(), ctx.config().limits().defaultQueryLimit(),
                    ctx.config().limits().maxQueryLimit());
        }
        int liftedFrom = given;
        List<Object> lifted = SqlPreparer.liftLiterals(node, liftedFrom);
        ScanHints hints = SqlPreparer.scanHints(node, prepared.tables());
        String key = cacheKey(node);
        CompiledQuery compiled = plans.getIfPresent(key);
        if (compiled == null) {
            try {
                compiled = compile(node);
                plans.put(key, compiled);
            } catch (KalamDbException e) {
                if (lifted.isEmpty() && !needsParamCasts(e)) {
                    throw e;
                }
                // the lifted form could not be typed: plan the literal form (and type bare $n by their values)
                SqlNode reparsed = fresh.get();
                if (!reparsed.getKind().belongsTo(SqlKind.QUERY)) {
                    throw e;
                }
                SqlPreparer.Prepared again = preparer.prepare(reparsed, defaultNamespace);
                SqlNode raw = again.node();
                SqlPreparer.bigintSelectLiterals(raw);
                if (mode == Mode.TOP_LEVEL && raw.getKind().belongsTo(SqlKind.QUERY)) {
                    raw = SqlPreparer.applyLimits(raw, again.tables(), ctx.config().limits().defaultQueryLimit(),
                            ctx.config().limits().maxQueryLimit());
                }
                raw = castUserParams(raw, params);
                lifted = List.of();
                hints = SqlPreparer.scanHints(raw, again.tables());
                String rawKey = "raw|" + cacheKey(raw) + "|" + paramSignature(params);
                compiled = plans.getIfPresent(rawKey);
                if (compiled == null) {
                    compiled = compile(raw);
                    plans.put(rawKey, compiled);
                }
            }
        }
        return new Planned(compiled, prepared.tables(), lifted, liftedFrom, hints);
    }

    private static boolean needsParamCasts(KalamDbException e) {
        return e.getMessage() != null && e.getMessage().contains("Illegal use of dynamic parameter");
    }

    private String cacheKey(SqlNode node) {
        StringBuilder order = new StringBuilder();
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                order.append(param.getIndex()).append(',');
                return param;
            }
        });
        return ctx.schemas().catalogVersion() + "|" + node + "|" + order;
    }

    private static String paramSignature(List<SqlParam> params) {
        if (params == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (SqlParam p : params) {
            sb.append(p.value() == null ? "n" : p.value().getClass().getSimpleName().charAt(0));
        }
        return sb.toString();
    }

    /** Wraps each {@code $n} in a CAST to the SQL type of its JSON value, for positions Calcite cannot type. */
    public static SqlNode castUserParams(SqlNode node, List<SqlParam> params) {
        if (params == null || params.isEmpty()) {
            return node;
        }
        return node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlDynamicParam param) {
                if (param.getIndex() >= params.size()) {
                    return param;
                }
                Object v = params.get(param.getIndex()).value();
                SqlTypeName t = v instanceof Boolean ? SqlTypeName.BOOLEAN : v instanceof Long ? SqlTypeName.BIGINT
                        : v instanceof Double ? SqlTypeName.DOUBLE : SqlTypeName.VARCHAR;
                SqlDataTypeSpec spec = new SqlDataTypeSpec(new SqlBasicTypeNameSpec(t, SqlParserPos.ZERO),
                        SqlParserPos.ZERO);
                return SqlStdOperatorTable.CAST.createCall(param.getParserPosition(), param, spec);
            }
        });
    }

    private FrameworkConfig frameworkConfig(SchemaPlus root, TableValuesRewriter values) {
        return Frameworks.newConfigBuilder()
                .parserConfig(parserConfig)
                .defaultSchema(root)
                .operatorTable(operatorTable)
                .typeSystem(KalamTypeSystem.INSTANCE)
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(KalamConformance.INSTANCE)
                        .withIdentifierExpansion(true))
                .programs(Programs.sequence(tableValues(values), Programs.standard()))
                .build();
    }

    /**
     * The first step of planning: sub-queries become joins and correlations are removed (as Calcite's standard
     * program would do next), arithmetic becomes checked as {@link KalamConformance} asks (Calcite's planner does not
     * do this itself), {@link PostgresSemantics} replaces Calcite's semantics where KalamDB's differ, then
     * {@link TableValuesRewriter} makes the plan keep table values' own semantics (times exact to the µs, UUIDs
     * compared by value) and {@link IntervalResults} turns interval results into text.
     */
    private static Program tableValues(TableValuesRewriter values) {
        Program subQueries = Programs.subQuery(DefaultRelMetadataProvider.INSTANCE);
        return (planner, rel, traits, materializations, lattices) -> {
            RelNode flat = subQueries.run(planner, rel, traits, materializations, lattices);
            flat = RelDecorrelator.decorrelateQuery(flat, RelFactories.LOGICAL_BUILDER.create(flat.getCluster(), null));
            flat = new ConvertToChecked(flat.getCluster().getRexBuilder(),
                    KalamConformance.INSTANCE.checkedArithmetic()).visit(flat);
            return IntervalResults.asText(values.rewrite(PostgresSemantics.apply(flat)));
        };
    }

    private CompiledQuery compile(SqlNode node) {
        SchemaPlus root = catalog.root();
        TableValuesRewriter values = new TableValuesRewriter();
        Planner planner = Frameworks.getPlanner(frameworkConfig(root, values));
        try {
            planner.parse("VALUES 1");
            SqlNode validated = planner.validate(node);
            RelRoot relRoot = planner.rel(validated);
            RelNode logical = relRoot.project();
            List<RelDataTypeField> fields = relRoot.validatedRowType.getFieldList();
            RelMetadataQuery mq = logical.getCluster().getMetadataQuery();
            List<String> names = new ArrayList<>(fields.size());
            List<KalamDataType> types = new ArrayList<>(fields.size());
            List<List<String>> flags = new ArrayList<>(fields.size());
            List<String> origins = new ArrayList<>(fields.size());
            for (int i = 0; i < fields.size(); i++) {
                RelDataTypeField f = fields.get(i);
                names.add(f.getName());
                ColumnInfo info = origin(mq, logical, i);
                if (info != null) {
                    types.add(info.type);
                    flags.add(info.flags);
                    origins.add(info.name);
                } else {
                    types.add(isJsonResult(logical, i) ? KalamDataType.JSON : CalciteTypes.fromRel(f.getType()));
                    flags.add(List.of());
                    origins.add(null);
                }
            }
            List<TableId> systemTables = new ArrayList<>();
            Map<Integer, RelDataType> paramTypes = new HashMap<>();
            collect(logical, systemTables, paramTypes);
            // one collation: a VALUES input can carry several, which the planner cannot ask for
            List<RelCollation> collations = logical.getTraitSet().getTraits(RelCollationTraitDef.INSTANCE);
            RelCollation collation = collations == null || collations.size() != 1 ? RelCollations.EMPTY
                    : collations.get(0);
            RelTraitSet desired = logical.getTraitSet().replace(EnumerableConvention.INSTANCE).replace(collation);
            RelNode physical = planner.transform(0, desired, logical);
            Map<String, Object> internal = new HashMap<>();
            @SuppressWarnings("unchecked")
            Bindable<Object> bindable = (Bindable<Object>)
                    (Bindable<?>) EnumerableInterpretable.toBindable(internal, null,
                            (EnumerableRel) physical, EnumerableRel.Prefer.ARRAY);
            RelDataType paramRow = paramRowType((JavaTypeFactory) planner.getTypeFactory(), paramTypes);
            return new CompiledQuery(bindable, internal, paramRow, values.params(), names, types, flags,
                    values.resultMicros(), origins, systemTables, RelOptUtil.toString(logical),
                    RelOptUtil.toString(physical));
        } catch (ValidationException e) {
            throw validationError(e);
        } catch (KalamDbException e) {
            throw e;
        } catch (Exception e) {
            Throwable root0 = ExecutionErrors.rootCause(e);
            if (root0 instanceof KalamDbException k) {
                throw k;
            }
            String reason = root0.getMessage() == null ? "unsupported query shape" : root0.getMessage();
            int nl = reason.indexOf('\n');
            throw new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR,
                    "Query planning failed: " + (nl > 0 ? reason.substring(0, nl) : reason));
        } finally {
            planner.close();
        }
    }

    /** Parameter types by index, as a struct whose field i is parameter i (missing ones ANY). */
    private static RelDataType paramRowType(JavaTypeFactory tf, Map<Integer, RelDataType> types) {
        int n = types.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        RelDataTypeFactory.Builder b = tf.builder();
        for (int i = 0; i < n; i++) {
            RelDataType t = types.get(i);
            b.add("?" + i, t != null ? t : tf.createSqlType(SqlTypeName.ANY));
        }
        return b.build();
    }

    private static void collect(RelNode rel, List<TableId> systemTables, Map<Integer, RelDataType> paramTypes) {
        RexShuttle params = new RexShuttle() {
            @Override
            public RexNode visitDynamicParam(RexDynamicParam p) {
                paramTypes.putIfAbsent(p.getIndex(), p.getType());
                return p;
            }

            @Override
            public RexNode visitSubQuery(RexSubQuery subQuery) {
                collect(subQuery.rel, systemTables, paramTypes);
                return super.visitSubQuery(subQuery);
            }
        };
        rel.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                List<String> name = scan.getTable().getQualifiedName();
                if (name.size() == 2 && name.get(0).equalsIgnoreCase("system")) {
                    systemTables.add(TableId.of(name.get(0), name.get(1)));
                }
                return super.visit(scan);
            }

            @Override
            protected RelNode visitChild(RelNode parent, int i, RelNode child) {
                parent.accept(params);
                return super.visitChild(parent, i, child);
            }
        });
        rel.accept(params);
    }

    private static final Set<String> JSON_FUNCTIONS = Set.of("JSON_GET", "JSON_GET_JSON", "JSON_OBJECT_KEYS");

    /** True when result column {@code i} is computed by a function that returns JSON text. */
    private static boolean isJsonResult(RelNode rel, int column) {
        int i = column;
        while (true) {
            if (rel instanceof Sort || rel instanceof Filter) {
                rel = rel.getInput(0);
            } else if (rel instanceof Project p && i < p.getProjects().size()) {
                RexNode e = p.getProjects().get(i);
                if (e instanceof RexInputRef ref) {
                    i = ref.getIndex();
                    rel = p.getInput();
                } else {
                    return e instanceof RexCall call
                            && JSON_FUNCTIONS.contains(call.getOperator().getName().toUpperCase(Locale.ROOT));
                }
            } else {
                return false;
            }
        }
    }

    private record ColumnInfo(String name, KalamDataType type, List<String> flags) {
    }

    private ColumnInfo origin(RelMetadataQuery mq, RelNode rel, int column) {
        Set<RelColumnOrigin> origins = mq.getColumnOrigins(rel, column);
        if (origins == null || origins.size() != 1) {
            return null;
        }
        RelColumnOrigin o = origins.iterator().next();
        if (o.isDerived()) {
            return null;
        }
        List<String> qn = o.getOriginTable().getQualifiedName();
        if (qn.size() != 2) {
            return null;
        }
        int ordinal = o.getOriginColumnOrdinal();
        String ns = qn.get(0);
        String table = qn.get(1);
        if (ns.equals("system") || ns.equals("information_schema")) {
            SystemTable st = ns.equals("system") ? catalog.systemTables().system().get(table)
                    : catalog.systemTables().informationSchema().get(table);
            if (st == null || ordinal >= st.columns().size()) {
                return null;
            }
            SystemColumn c = st.columns().get(ordinal);
            return new ColumnInfo(c.name(), c.type(), flags(!c.nullable(), c.primaryKey()));
        }
        TableDefinition def = ctx.schemas().table(TableId.of(ns, table)).orElse(null);
        if (def == null || ordinal >= def.columns().size()) {
            return null;
        }
        ColumnDefinition c = def.columns().get(ordinal);
        List<String> flags = c.isPrimaryKey() && def.tableType() == TableType.STREAM ? List.of("nn", "pk")
                : flags(!c.isNullable(), c.isPrimaryKey());
        return new ColumnInfo(c.columnName(), c.dataType(), flags);
    }

    private static List<String> flags(boolean notNull, boolean pk) {
        if (pk) {
            return List.of("nn", "pk", "uq");
        }
        return notNull ? List.of("nn") : List.of();
    }

    private static KalamDbException validationError(ValidationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "invalid query" : cause.getMessage();
        int colon = message.indexOf(": ");
        if (message.startsWith("From line") && colon > 0) {
            message = message.substring(colon + 2);
        }
        if (message.contains("not found in any table") || message.contains("not found in table")) {
            return KalamDbException.userError(message);
        }
        return new KalamDbException(ErrorCode.SQL_EXECUTION_ERROR, message);
    }

    /**
     * The read checks of every table the query reads, at every execution: the system-table guard (spec auth.md §10)
     * and the SHARED access levels (§8).
     */
    private static void checkReadAccess(List<TableRef> tables, QueryScope scope) {
        if (scope.executeAs()) {
            for (TableRef t : tables) {
                if (t.definition() != null && t.definition().tableType() == TableType.SHARED) {
                    throw KalamDbException.permissionDenied(
                            "EXECUTE AS USER is not allowed on SHARED tables (table '" + t.id() + "')");
                }
            }
        }
        if (scope.role().isAdmin()) {
            return;
        }
        for (TableRef t : tables) {
            if (t.definition() != null && t.definition().tableType() == TableType.SHARED) {
                RolePolicy.checkReadShared(scope.role(), t.definition().options().accessLevel(), t.id());
            }
            if (t.system()) {
                throw KalamDbException.permissionDenied(RolePolicy.systemTableReadDenied(scope.role(), t.id()));
            }
        }
    }

    /**
     * The parameter values by index, coerced to the types the plan expects: in Calcite's representation for the plan,
     * as storage values for the scans' primary-key lookups, and as exact µs for the parameters the plan compares
     * with table times ({@link TableValuesRewriter}).
     */
    private static KalamDataContext.Params bindValues(Planned planned, List<SqlParam> params) {
        RelDataType row = planned.compiled.parameterRowType();
        int n = Math.max(row.getFieldCount(), planned.liftedFrom + planned.lifted.size());
        Object[] values = new Object[n];
        Object[] storage = new Object[n];
        for (int i = 0; i < n; i++) {
            Object raw = rawParam(planned, params, i);
            if (raw == null) {
                continue;
            }
            RelDataType t = i < row.getFieldCount() ? row.getFieldList().get(i).getType() : null;
            if (t == null || t.getSqlTypeName() == SqlTypeName.ANY) {
                values[i] = raw instanceof BigDecimal d ? (d.scale() <= 0 ? (Object) d.longValueExact()
                        : d.doubleValue()) : raw;
                storage[i] = values[i];
                continue;
            }
            KalamDataType k = CalciteTypes.fromRel(t);
            storage[i] = coerceParam(raw, k, i, i < planned.liftedFrom);
            values[i] = CalciteTypes.toCalcite(k, storage[i]);
        }
        List<TableValuesRewriter.ExactParam> exact = planned.compiled.exactParams();
        Object[] exactValues = new Object[exact.size()];
        for (int j = 0; j < exactValues.length; j++) {
            TableValuesRewriter.ExactParam p = exact.get(j);
            Object raw = rawParam(planned, params, p.source());
            exactValues[j] = CalciteTypes.scanValue(p.type(),
                    coerceParam(raw, p.type(), p.source(), p.source() < planned.liftedFrom));
        }
        return new KalamDataContext.Params(values, storage, exactValues);
    }

    /** The value of parameter {@code i}: a request parameter, a literal lifted from the query, or null. */
    private static Object rawParam(Planned planned, List<SqlParam> params, int i) {
        if (i < planned.liftedFrom) {
            return params.get(i).value();
        }
        int lifted = i - planned.liftedFrom;
        return lifted < planned.lifted.size() ? planned.lifted.get(lifted) : null;
    }

    private static Object coerceParam(Object raw, KalamDataType type, int index, boolean user) {
        return raw == null ? null : user ? ValueCoercion.coerceParam(raw, type, index + 1)
                : ValueCoercion.coerce(raw, type, null);
    }

    private List<Object[]> execute(CompiledQuery q, KalamDataContext.Params values, QueryScope scope,
                                   ScanHints hints) {
        KalamDataContext dc = new KalamDataContext(catalog.root(), typeFactory, q.internalParameters(),
                values, scope, hints);
        List<Object[]> rows = new ArrayList<>();
        List<KalamDataType> types = q.fieldTypes();
        boolean[] micros = q.microsFields();
        try (Enumerator<Object> e = q.bindable().bind(dc).enumerator()) {
            while (e.moveNext()) {
                Object current = e.current();
                Object[] raw = current instanceof Object[] arr ? arr : new Object[] {current};
                Object[] out = new Object[raw.length];
                for (int i = 0; i < raw.length; i++) {
                    out[i] = micros[i] ? raw[i] : CalciteTypes.fromCalcite(types.get(i), raw[i]);
                }
                rows.add(out);
            }
        } catch (KalamDbException ex) {
            throw ex;
        } catch (RuntimeException ex) {
            throw ExecutionErrors.of(ex);
        }
        return rows;
    }

    private static List<String> names(CompiledQuery q, List<String> itemTexts) {
        List<String> out = new ArrayList<>(q.fieldNames().size());
        for (int i = 0; i < q.fieldNames().size(); i++) {
            String name = q.fieldNames().get(i);
            String origin = q.originNames().get(i);
            if (itemTexts != null && i < itemTexts.size() && itemTexts.get(i) != null) {
                name = itemTexts.get(i);
            } else if (origin != null && origin.equalsIgnoreCase(name)) {
                name = origin;
            }
            out.add(name);
        }
        return Collections.unmodifiableList(out);
    }
}
