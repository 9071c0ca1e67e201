package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CREATE / ALTER / DROP USER (sql.md §10), the password policy (auth.md §3), the user-management rows of the RBAC
 * matrix (auth.md §7) and the effects of role changes and soft deletes on tokens and Basic credentials (auth.md §1,
 * §4, §5). Each test works on its own users so that the tests are independent.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
class UserManagementE2ETest {

    private static final String ROOT = "root";
    private static final String USER_DENIED = "Admin privileges (DBA or System role) required for user management";
    private static final String VALID_ROLES =
            "Valid roles: dba, admin, developer, analyst, viewer, readonly, user, service, system";
    private static final String DBA = "dave";
    private static final String DBA_PW = "Dave-Pass-2024!";

    private static ServerProcess server;
    private static Http http;
    private static String rootToken;
    private static String dbaToken;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.startDefault();
        http = new Http(server.baseUrl());
        rootToken = http.login(ROOT, ServerProcess.ROOT_PASSWORD);
        createUser(DBA, DBA_PW, "dba");
        dbaToken = http.login(DBA, DBA_PW);
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void createdUserCanLogIn() {
        Expect.message(root("CREATE USER alice WITH PASSWORD 'Sup3rSecret!' ROLE user"), "User 'alice' created", ROOT);
        JsonNode login = http.loginBody("alice", "Sup3rSecret!");
        LoginE2ETest.assertLoginBody(login, "alice", "user", null);
        assertEquals("alice", Expect.sqlOk(http.sqlBasic("alice", "Sup3rSecret!", "SHOW NAMESPACES"), 1)
                .get(0).get("as_user").asText());
    }

    @Test
    void roleUserCannotRunAdminStatements() {
        createUser("ulla", "Ulla-Pass-2024!", "user");
        String token = http.login("ulla", "Ulla-Pass-2024!");
        Expect.sqlErrorNoDetails(http.sql(token, "CREATE NAMESPACE x"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: Admin privileges (DBA or System role) required for namespace operations");
        Expect.sqlErrorNoDetails(http.sql(token, "CREATE USER mallory WITH PASSWORD 'Mall0ry-Pass!' ROLE user"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: " + USER_DENIED);
        Expect.sqlErrorNoDetails(http.sql(token, "ALTER USER ulla SET ROLE system"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: " + USER_DENIED);
        Expect.sqlErrorNoDetails(http.sql(token, "ALTER USER ulla SET PASSWORD 'Another-Pass-1!'"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: " + USER_DENIED);
        Expect.sqlErrorNoDetails(http.sql(token, "DROP USER dave"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: " + USER_DENIED);
        LoginE2ETest.assertLoginBody(http.loginBody("ulla", "Ulla-Pass-2024!"), "ulla", "user", null);
        LoginE2ETest.assertLoginBody(http.loginBody(DBA, DBA_PW), DBA, "dba", null);
    }

    @Test
    void roleServiceCannotManageUsers() {
        createUser("svc1", "Svc1-Pass-2024!", "service");
        Expect.sqlErrorNoDetails(http.sqlBasic("svc1", "Svc1-Pass-2024!", "CREATE USER s2 WITH PASSWORD 'S2-Pass-2024!' ROLE user"),
                403, "PERMISSION_DENIED", "Statement 1 failed: " + USER_DENIED);
    }

    static Stream<Arguments> weakPasswords() {
        return Stream.of(
                Arguments.of("short", "Password must be at least 8 bytes"),
                Arguments.of("ééé", "Password must be at least 8 bytes"),
                Arguments.of("x".repeat(73), "Password must be at most 72 bytes"),
                Arguments.of("é".repeat(37), "Password must be at most 72 bytes"),
                Arguments.of("password1", "Password is too common"),
                Arguments.of("PassWord1", "Password is too common"),
                Arguments.of("kalamdb", "Password must be at least 8 bytes"),
                Arguments.of("changeme", "Password is too common"));
    }

    @ParameterizedTest
    @MethodSource("weakPasswords")
    void passwordPolicyOnCreate(String password, String message) {
        Response response = root("CREATE USER weakling WITH PASSWORD '" + password + "' ROLE user");
        Expect.sqlError(response, 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: " + message);
        Expect.authError(http.loginRaw("weakling", password), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void passwordLengthCountsBytes() {
        Expect.message(root("CREATE USER bytes8 WITH PASSWORD 'éééé' ROLE user"), "User 'bytes8' created", ROOT);
        http.loginBody("bytes8", "éééé");
        String seventyTwo = "x".repeat(70) + "é";
        Expect.message(root("CREATE USER bytes72 WITH PASSWORD '" + seventyTwo + "' ROLE user"), "User 'bytes72' created", ROOT);
        http.loginBody("bytes72", seventyTwo);
    }

    @Test
    void passwordPolicyOnAlterKeepsTheOldPassword() {
        createUser("polly", "Polly-Pass-2024!", "user");
        Expect.sqlError(root("ALTER USER polly SET PASSWORD 'short'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Password must be at least 8 bytes");
        Expect.sqlError(root("ALTER USER polly SET PASSWORD '12345678'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Password is too common");
        http.loginBody("polly", "Polly-Pass-2024!");
    }

    @Test
    void invalidRole() {
        Expect.sqlError(root("CREATE USER wiz WITH PASSWORD 'Wizard-Pass-1!' ROLE wizard"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Invalid role 'wizard'. " + VALID_ROLES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "anonymous"})
    void reservedUserIds(String id) {
        Expect.sqlError(root("CREATE USER " + id + " WITH PASSWORD 'Reserved-Pass-1!' ROLE user"), 400,
                "SQL_EXECUTION_ERROR", "Statement 1 failed: User id '" + id + "' is reserved");
    }

    @Test
    void roleAliasesMapToRoles() {
        createUserWithRoleToken("al_admin", "admin");
        createUserWithRoleToken("al_dev", "developer");
        createUserWithRoleToken("al_analyst", "ANALYST");
        createUserWithRoleToken("al_viewer", "viewer");
        createUserWithRoleToken("al_ro", "'readonly'");
        assertEquals("dba", http.loginBody("al_admin", "Alias-Pass-2024!").get("user").get("role").asText());
        assertEquals("service", http.loginBody("al_dev", "Alias-Pass-2024!").get("user").get("role").asText());
        assertEquals("service", http.loginBody("al_analyst", "Alias-Pass-2024!").get("user").get("role").asText());
        assertEquals("user", http.loginBody("al_viewer", "Alias-Pass-2024!").get("user").get("role").asText());
        assertEquals("user", http.loginBody("al_ro", "Alias-Pass-2024!").get("user").get("role").asText());
    }

    @Test
    void duplicateUser() {
        createUser("dup", "Dup-Pass-2024!", "user");
        Expect.sqlError(root("CREATE USER dup WITH PASSWORD 'Dup-Pass-2025!' ROLE user"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: User 'dup' already exists");
        Expect.message(root("CREATE USER IF NOT EXISTS dup WITH PASSWORD 'Dup-Pass-2025!' ROLE user"),
                "User 'dup' already exists", ROOT);
        http.loginBody("dup", "Dup-Pass-2024!");
    }

    @Test
    void emailIsStoredAndShownByMe() {
        Expect.message(root("CREATE USER emma WITH PASSWORD 'Emma-Pass-2024!' ROLE user EMAIL 'emma@example.com'"),
                "User 'emma' created", ROOT);
        LoginE2ETest.assertLoginBody(http.loginBody("emma", "Emma-Pass-2024!"), "emma", "user", "emma@example.com");
        Expect.message(root("ALTER USER emma SET EMAIL 'emma@corp.example'"), "User 'emma' updated", ROOT);
        String token = http.login("emma", "Emma-Pass-2024!");
        Response me = http.get(Http.ME, "Authorization", Http.bearer(token));
        Expect.status(me, 200);
        LoginE2ETest.assertUserInfo(me.json().get("user"), "emma", "user", "emma@corp.example");
    }

    @Test
    void roleChangeInvalidatesExistingTokensAndBasicCache() {
        createUser("rita", "Rita-Pass-2024!", "user");
        JsonNode login = http.loginBody("rita", "Rita-Pass-2024!");
        String oldToken = login.get("access_token").asText();
        Expect.sqlOk(http.sql(oldToken, "SHOW NAMESPACES"), 1);
        Expect.sqlOk(http.sqlBasic("rita", "Rita-Pass-2024!", "SHOW NAMESPACES"), 1);

        Expect.message(root("ALTER USER rita SET ROLE service"), "User 'rita' updated", ROOT);

        Expect.invalidCredentials(http.sql(oldToken, "SHOW NAMESPACES"));
        Expect.authError(http.post(Http.REFRESH, "", "Cookie", "kalamdb_refresh=" + login.get("refresh_token").asText()),
                401, "unauthorized", "Token role does not match user role");
        JsonNode fresh = http.loginBody("rita", "Rita-Pass-2024!");
        LoginE2ETest.assertLoginBody(fresh, "rita", "service", null);
        Expect.sqlOk(http.sql(fresh.get("access_token").asText(), "SHOW NAMESPACES"), 1);
        Expect.sqlOk(http.sqlBasic("rita", "Rita-Pass-2024!", "SHOW NAMESPACES"), 1);
    }

    @Test
    void passwordChangeSwitchesBasicCredentials() {
        createUser("paul", "Paul-Pass-2024!", "user");
        Expect.sqlOk(http.sqlBasic("paul", "Paul-Pass-2024!", "SHOW NAMESPACES"), 1);
        String token = http.login("paul", "Paul-Pass-2024!");

        Expect.message(root("ALTER USER paul SET PASSWORD 'Paul-New-Pass-2025!'"), "User 'paul' updated", ROOT);

        Expect.invalidCredentials(http.sqlBasic("paul", "Paul-Pass-2024!", "SHOW NAMESPACES"));
        Expect.sqlOk(http.sqlBasic("paul", "Paul-New-Pass-2025!", "SHOW NAMESPACES"), 1);
        Expect.authError(http.loginRaw("paul", "Paul-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        http.loginBody("paul", "Paul-New-Pass-2025!");
        Expect.sqlOk(http.sql(token, "SHOW NAMESPACES"), 1);
    }

    @Test
    void dbaCannotGrantOrTouchSystemRole() {
        createUser("sven", "Sven-Pass-2024!", "user");
        Expect.sqlErrorWithDetails(dba("CREATE USER sysop WITH PASSWORD 'Sys0p-Pass-2024!' ROLE system"), 403,
                "PERMISSION_DENIED", "Statement 1 failed: DBA cannot grant System role",
                "CREATE USER sysop WITH PASSWORD '***' ROLE system");
        Expect.authError(http.loginRaw("sysop", "Sys0p-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.sqlError(dba("ALTER USER sven SET ROLE system"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: DBA cannot grant System role");
        assertEquals("user", http.loginBody("sven", "Sven-Pass-2024!").get("user").get("role").asText());
        Expect.sqlError(dba("ALTER USER root SET PASSWORD 'Hijacked-Pass-1!'"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: DBA cannot modify System users");
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    @Test
    void dbaManagesOrdinaryUsers() {
        Expect.message(dba("CREATE USER dbachild WITH PASSWORD 'Child-Pass-2024!' ROLE service"), "User 'dbachild' created", DBA);
        Expect.message(dba("ALTER USER dbachild SET ROLE user"), "User 'dbachild' updated", DBA);
        Expect.message(dba("DROP USER dbachild"), "User 'dbachild' dropped (soft delete)", DBA);
    }

    @Test
    void dbaCannotDropSystemUsers() {
        createUser("sysdrop", "Sysdrop-Pass-2024!", "system");
        Expect.sqlError(dba("DROP USER sysdrop"), 403, "PERMISSION_DENIED", "Statement 1 failed: DBA cannot modify System users");
        Expect.sqlError(dba("ALTER USER sysdrop SET EMAIL 'x@example.com'"), 403, "PERMISSION_DENIED",
                "Statement 1 failed: DBA cannot modify System users");
        assertEquals("system", http.loginBody("sysdrop", "Sysdrop-Pass-2024!").get("user").get("role").asText());
    }

    @Test
    void oauthUserCannotUseAPassword() {
        Expect.message(root("CREATE USER oscar WITH OAUTH '{\"provider\":\"google\",\"subject\":\"123\"}' ROLE user"),
                "User 'oscar' created", ROOT);
        Expect.authError(http.loginRaw("oscar", "Any-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.loginRaw("oscar", ""), 401, "unauthorized", "Invalid credentials");
        Expect.invalidCredentials(http.sqlBasic("oscar", "Any-Pass-2024!", "SHOW NAMESPACES"));
    }

    @Test
    void systemCallerCreatesSystemUsers() {
        Expect.message(root("CREATE USER sysbot WITH PASSWORD 'Sysb0t-Pass-2024!' ROLE system"), "User 'sysbot' created", ROOT);
        assertEquals("system", http.loginBody("sysbot", "Sysb0t-Pass-2024!").get("user").get("role").asText());
    }

    @Test
    void rootIsProtected() {
        Expect.sqlErrorWithDetails(root("DROP USER root"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Cannot drop the root user", "DROP USER root");
        Expect.sqlError(root("ALTER USER root SET ROLE dba"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: Cannot change the role of the root user");
        http.loginBody(ROOT, ServerProcess.ROOT_PASSWORD);
    }

    @Test
    void cannotDropYourself() {
        Expect.sqlError(dba("DROP USER dave"), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: Cannot drop your own user");
        http.loginBody(DBA, DBA_PW);
    }

    @Test
    void missingUsers() {
        Expect.sqlError(root("ALTER USER ghost SET EMAIL 'g@example.com'"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: User 'ghost' not found");
        Expect.sqlError(root("DROP USER ghost"), 400, "SQL_EXECUTION_ERROR", "Statement 1 failed: User 'ghost' not found");
        Expect.message(root("DROP USER IF EXISTS ghost"), "User 'ghost' does not exist (skipped)", ROOT);
    }

    @Test
    void droppedUserIsRejectedEverywhere() {
        createUser("dora", "Dora-Pass-2024!", "user");
        JsonNode login = http.loginBody("dora", "Dora-Pass-2024!");
        String token = login.get("access_token").asText();
        Expect.sqlOk(http.sqlBasic("dora", "Dora-Pass-2024!", "SHOW NAMESPACES"), 1);

        Expect.message(root("DROP USER dora"), "User 'dora' dropped (soft delete)", ROOT);

        Expect.invalidCredentials(http.sql(token, "SHOW NAMESPACES"));
        Expect.invalidCredentials(http.sqlBasic("dora", "Dora-Pass-2024!", "SHOW NAMESPACES"));
        Expect.authError(http.loginRaw("dora", "Dora-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.get(Http.ME, "Authorization", Http.bearer(token)), 401, "unauthorized", "Invalid credentials");
        Expect.authError(http.post(Http.REFRESH, "", "Cookie", "kalamdb_refresh=" + login.get("refresh_token").asText()),
                401, "unauthorized", "User no longer valid");
        Expect.sqlError(root("CREATE USER dora WITH PASSWORD 'Dora-Pass-2025!' ROLE user"), 400, "SQL_EXECUTION_ERROR",
                "Statement 1 failed: User 'dora' already exists");
        Expect.authError(http.loginRaw("dora", "Dora-Pass-2025!"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    void userStatementsAcceptQuotedNames() {
        Expect.message(root("CREATE USER 'quoted.user@example.com' WITH PASSWORD 'Quoted-Pass-2024!' ROLE 'user'"),
                "User 'quoted.user@example.com' created", ROOT);
        http.loginBody("quoted.user@example.com", "Quoted-Pass-2024!");
    }

    private static void createUser(String name, String password, String role) {
        Expect.message(root("CREATE USER " + name + " WITH PASSWORD '" + password + "' ROLE " + role),
                "User '" + name + "' created", ROOT);
    }

    private static void createUserWithRoleToken(String name, String roleToken) {
        Expect.message(root("CREATE USER " + name + " WITH PASSWORD 'Alias-Pass-2024!' ROLE " + roleToken),
                "User '" + name + "' created", ROOT);
    }

    private static Response root(String sql) {
        return http.sql(rootToken, sql);
    }

    private static Response dba(String sql) {
        return http.sql(dbaToken, sql);
    }
}
