<#--
  KalamDB grammar additions, included into Calcite's Parser.jj.
  doc -> 'k' / doc -> 0 : JSON member or element as JSON text
  doc ->> 'k'           : JSON member as text
  doc ? 'k'             : the object has key k
  expr :: type          : cast, as in PostgreSQL
-->

void JsonGetOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlNode e;
    final SqlOperator op;
    final SqlParserPos opPos;
}
{
    (
        <LAMBDA> { op = KalamOperators.JSON_GET_OP; }
    |
        <JSON_GET_TEXT> { op = KalamOperators.JSON_GET_TEXT_OP; }
    |
        <HOOK> { op = KalamOperators.JSON_HAS_KEY_OP; }
    )
    {
        opPos = getPos();
        checkNonQueryExpression(exprContext);
    }
    e = Expression3(ExprContext.ACCEPT_SUB_QUERY) {
        list.add(new SqlParserUtil.ToTreeListItem(op, opPos));
        list.add(e);
    }
}

void InfixCastOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec dt;
    final SqlParserPos opPos;
}
{
    <INFIX_CAST> {
        opPos = getPos();
        checkNonQueryExpression(exprContext);
    }
    dt = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, opPos));
        list.add(dt);
    }
}

/** $n where Calcite's grammar takes a number or a parameter: LIMIT $1, OFFSET $2, FETCH NEXT $1 ROWS. */
SqlDynamicParam DollarParam() :
{
    String image;
    int n = 0;
}
{
    <IDENTIFIER> {
        image = token.image;
        if (image.length() < 2 || image.length() > 6 || image.charAt(0) != '$') {
            throw new ParseException("Expected a number or a parameter $n, found " + image);
        }
        for (int i = 1; i < image.length(); i++) {
            char c = image.charAt(i);
            if (c < '0' || c > '9') {
                throw new ParseException("Expected a number or a parameter $n, found " + image);
            }
            n = n * 10 + (c - '0');
        }
        if (n < 1) {
            throw new ParseException("Parameters are numbered from $1");
        }
        return new SqlDynamicParam(n - 1, getPos());
    }
}

/** The value of UPDATE … SET c = …: an expression or DEFAULT (the column's default, as in INSERT). */
void AddExpressionOrDefault(List<SqlNode> list, ExprContext exprContext) :
{
    final SqlNode e;
}
{
    (
        e = Default() { list.add(e); }
    |
        AddExpression(list, exprContext)
    )
}
