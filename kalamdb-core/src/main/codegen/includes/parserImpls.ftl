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
