package io.kalamdb.filestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathTemplatesTest {

    @Test
    void resolvesSharedAndUserScopeDirectories() {
        Path base = Path.of("/data/storage");
        assertEquals(Path.of("/data/storage/app/config"),
                PathTemplates.scopeDirectory(base, "{namespace}/{tableName}", "app", "config", null));
        assertEquals(Path.of("/data/storage/app/messages/alice"),
                PathTemplates.scopeDirectory(base, "{namespace_id}/{table_name}/{user_id}", "app", "messages", "alice"));
    }

    @Test
    void refusesPathsLeavingTheBase() {
        assertThrows(IllegalArgumentException.class, () -> PathTemplates.scopeDirectory(Path.of("/data/storage"),
                "{namespace}/{tableName}/{userId}", "app", "t", "../../../etc"));
    }

    @Test
    void validatesTemplates() {
        assertEquals(Optional.empty(), PathTemplates.userTemplateProblem("{namespace}/{tableName}/{userId}"));
        assertEquals(Optional.of("Invalid USER_TABLES_TEMPLATE '{namespace}/{tableName}': {userId} is required"),
                PathTemplates.userTemplateProblem("{namespace}/{tableName}"));
    }
}
