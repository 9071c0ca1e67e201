package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kalamdb.commons.errors.ErrorCode;
import io.kalamdb.commons.errors.KalamDbException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndSkipsEmptyStatements() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlSplitter.split("SELECT 1; ;SELECT 2;"));
    }

    @Test
    void ignoresSemicolonsInQuotesCommentsAndParentheses() {
        String sql = "SELECT 'a;b', \"x;y\" -- c;d\n FROM t /* e;f */; EXECUTE AS USER 'a' (SELECT 1; SELECT 2)";
        List<String> parts = SqlSplitter.split(sql);
        assertEquals(2, parts.size());
        assertEquals("EXECUTE AS USER 'a' (SELECT 1; SELECT 2)", parts.get(1));
    }

    @Test
    void doubledQuotesAreEscapes() {
        assertEquals(List.of("SELECT 'it''s; fine'"), SqlSplitter.split("SELECT 'it''s; fine'"));
    }

    @Test
    void commentOnlyInputHasNoStatements() {
        assertEquals(List.of(), SqlSplitter.split("  -- nothing\n /* here */ ; "));
    }

    @Test
    void unterminatedStringReportsItsByteOffset() {
        KalamDbException e = assertThrows(KalamDbException.class, () -> SqlSplitter.split("SELECT 'é', 'abc"));
        assertEquals(ErrorCode.BATCH_PARSE_ERROR, e.code());
        assertEquals("Failed to split SQL batch: unterminated string literal at byte 13", e.getMessage());
    }

    @Test
    void unterminatedBlockComment() {
        KalamDbException e = assertThrows(KalamDbException.class, () -> SqlSplitter.split("SELECT 1 /* x"));
        assertEquals("Failed to split SQL batch: unterminated block comment at byte 9", e.getMessage());
    }

    @Test
    void maxParamIndexSkipsLiteralsQuotedNamesAndComments() {
        assertEquals(3, SqlSplitter.maxParamIndex("SELECT $1, $3 FROM t WHERE a = $2"));
        assertEquals(1, SqlSplitter.maxParamIndex("SELECT '$9', \"$8\", $1 -- $7\n /* $6 */"));
        assertEquals(0, SqlSplitter.maxParamIndex("SELECT 1"));
    }
}
