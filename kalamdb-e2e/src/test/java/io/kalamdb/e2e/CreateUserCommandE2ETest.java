package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The offline {@code create-user} server command (config.md §4): it works while the server is stopped, enforces the
 * password policy, and refuses to touch the data directory of a running server. Steps run in order on one data
 * directory: first offline, then with the server running.
 */
@Timeout(value = 15, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreateUserCommandE2ETest {

    private static ServerProcess server;

    @BeforeAll
    static void prepareServer() {
        server = ServerProcess.builder().prepare();
    }

    @AfterAll
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void createsUserWhileServerIsStopped() {
        ProcessResult result = createUser(null, "--name", "bob", "--role", "dba", "--password", "B0bPassword!");
        assertEquals(0, result.exitCode(), result::describe);
        assertStdout(result, "User 'bob' created with role dba");
    }

    @Test
    @Order(2)
    void duplicateUserIsAnError() {
        ProcessResult result = createUser(null, "--name", "bob", "--role", "dba", "--password", "B0bPassword!");
        assertEquals(1, result.exitCode(), result::describe);
        assertStderr(result, "Error: User 'bob' already exists");
    }

    @Test
    @Order(3)
    void weakPasswordsAreRefused() {
        ProcessResult shortOne = createUser(null, "--name", "weak", "--role", "user", "--password", "short");
        assertEquals(1, shortOne.exitCode(), shortOne::describe);
        assertStderr(shortOne, "Error: Password must be at least 8 bytes");
        ProcessResult tooCommon = createUser(null, "--name", "weak2", "--role", "user", "--password", "trustno1");
        assertEquals(1, tooCommon.exitCode(), tooCommon::describe);
        assertStderr(tooCommon, "Error: Password is too common");
    }

    @Test
    @Order(4)
    void invalidRoleIsRefused() {
        ProcessResult result = createUser(null, "--name", "wiz", "--role", "wizard", "--password", "Wizard-Pass-1!");
        assertEquals(1, result.exitCode(), result::describe);
        assertTrue(result.stderrLines().stream().anyMatch(l -> l.startsWith("Error: Invalid role 'wizard'.")), result::describe);
    }

    @Test
    @Order(5)
    void nameIsRequired() {
        ProcessResult result = createUser(null, "--role", "user", "--password", "Nameless-Pass-1!");
        assertEquals(1, result.exitCode(), result::describe);
        assertStderr(result, "Error: --name is required");
    }

    @Test
    @Order(6)
    void passwordIsReadFromStdinWhenNotATerminal() {
        ProcessResult result = createUser("Stella-Pass-2024!\n", "--name", "stella", "--role", "viewer");
        assertEquals(0, result.exitCode(), result::describe);
        assertStdout(result, "User 'stella' created with role user");
    }

    @Test
    @Order(7)
    void rootWithPasswordAlreadyExists() {
        ProcessResult result = createUser(null, "--name", "root", "--role", "system", "--password", "R00t-Other-Pass!");
        assertEquals(1, result.exitCode(), result::describe);
        assertStderr(result, "Error: User 'root' already exists");
    }

    @Test
    @Order(8)
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    void usersCreatedOfflineCanLogIn() {
        server.start();
        Http http = new Http(server.baseUrl());
        LoginE2ETest.assertLoginBody(http.loginBody("bob", "B0bPassword!"), "bob", "dba", null);
        LoginE2ETest.assertLoginBody(http.loginBody("stella", "Stella-Pass-2024!"), "stella", "user", null);
        http.loginBody("root", ServerProcess.ROOT_PASSWORD);
        Expect.authError(http.loginRaw("weak2", "trustno1"), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    @Order(9)
    void refusesWhileTheServerRuns() {
        ProcessResult result = createUser(null, "--name", "carl", "--role", "user", "--password", "Carl-Pass-2024!");
        assertEquals(1, result.exitCode(), result::describe);
        assertStderr(result, "Error: data directory " + server.dataDir() + " is in use by a running server");
        Http http = new Http(server.baseUrl());
        Expect.authError(http.loginRaw("carl", "Carl-Pass-2024!"), 401, "unauthorized", "Invalid credentials");
        Expect.sqlOk(http.sqlBasic("bob", "B0bPassword!", "SHOW NAMESPACES"), 1);
    }

    @Test
    @Order(10)
    @Timeout(value = 45, unit = TimeUnit.SECONDS)
    void setsRootPasswordOfflineInsteadOfSetup() {
        try (ServerProcess fresh = ServerProcess.builder().withoutRootPassword().prepare()) {
            // root is always system: setting its first password needs no --role (config.md §4)
            ProcessResult result = fresh.runCommand(null, "create-user", "--name", "root",
                    "--password", "R00t-Offline-Pass!", "--config", fresh.configPath().toString());
            assertEquals(0, result.exitCode(), result::describe);
            fresh.start();
            Http http = new Http(fresh.baseUrl());
            Expect.json(http.get(Http.STATUS), 200, "{\"needs_setup\":false,\"message\":\"Server is configured and ready.\"}");
            LoginE2ETest.assertLoginBody(http.loginBody("root", "R00t-Offline-Pass!"), "root", "system", "root@localhost");
        }
    }

    @Test
    @Order(11)
    @Timeout(value = 45, unit = TimeUnit.SECONDS)
    void setupRefusesAnExistingUserAndChangesNothing() {
        try (ServerProcess fresh = ServerProcess.builder().withoutRootPassword().prepare()) {
            ProcessResult result = fresh.runCommand(null, "create-user", "--name", "admin", "--role", "dba",
                    "--password", "Adm1n-Offline-Pass!", "--config", fresh.configPath().toString());
            assertEquals(0, result.exitCode(), result::describe);
            assertStdout(result, "User 'admin' created with role dba");
            fresh.start();
            Http http = new Http(fresh.baseUrl());
            assertTrue(http.get(Http.STATUS).json().get("needs_setup").asBoolean(), "root still has no password");
            Response setup = http.postJson(Http.SETUP,
                    "{\"user\":\"admin\",\"password\":\"Adm1nPassword!\",\"root_password\":\"R00tPassword!\"}");
            Expect.authError(setup, 409, "user_exists", "User 'admin' already exists");
            assertTrue(http.get(Http.STATUS).json().get("needs_setup").asBoolean(), "a refused setup sets nothing");
            Expect.authError(http.loginRaw("root", "R00tPassword!"), 428, "setup_required",
                    "Server requires initial setup. Root password is not configured.");
            http.loginBody("admin", "Adm1n-Offline-Pass!");
        }
    }

    private static ProcessResult createUser(String stdin, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "create-user";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--config";
        args[options.length + 2] = server.configPath().toString();
        return server.runCommand(stdin, args);
    }

    private static void assertStdout(ProcessResult result, String line) {
        assertTrue(result.stdoutLines().contains(line), () -> "expected the line '" + line + "' on stdout\n" + result.describe());
    }

    private static void assertStderr(ProcessResult result, String line) {
        assertTrue(result.stderrLines().contains(line), () -> "expected the line '" + line + "' on stderr\n" + result.describe());
    }
}
