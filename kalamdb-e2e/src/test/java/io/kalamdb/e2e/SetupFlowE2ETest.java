package io.kalamdb.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The first-run setup flow (auth.md §2, http-api.md §7.5, §7.6): a server started without KALAMDB_ROOT_PASSWORD
 * needs setup until {@code POST /v1/api/auth/setup} succeeds. The steps depend on each other and run in order.
 */
@Timeout(value = 5, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupFlowE2ETest {

    private static final String DBA = "admin";
    private static final String DBA_PW = "Adm1nPassword!";
    private static final String ROOT_PW = "R00tPassword!";
    private static final String NEEDS_SETUP = "{\"needs_setup\":true,\"message\":\"Server requires initial setup. "
            + "Call POST /v1/api/auth/setup with user, password, root_password, and optional email.\"}";

    private static ServerProcess server;
    private static Http http;

    @BeforeAll
    @Timeout(value = 35, unit = TimeUnit.SECONDS)
    static void startServer() {
        server = ServerProcess.builder().withoutRootPassword().start();
        http = new Http(server.baseUrl());
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
    void statusReportsNeedsSetup() {
        Expect.keys(Expect.json(http.get(Http.STATUS), 200, NEEDS_SETUP), "needs_setup", "message");
    }

    @Test
    @Order(2)
    void rootLoginAnswers428() {
        Expect.authError(http.loginRaw("root", "anything-at-all"), 428, "setup_required",
                "Server requires initial setup. Root password is not configured.");
    }

    @Test
    @Order(3)
    void basicRootIsSetupRequired() {
        Expect.unauthorized(http.sqlBasic("root", "anything-at-all", "SHOW NAMESPACES"), "SETUP_REQUIRED",
                "Server requires initial setup");
    }

    @Test
    @Order(4)
    void weakDbaPasswordIsRefused() {
        Expect.authError(http.postJson(Http.SETUP, setup(DBA, "short", ROOT_PW)), 400, "weak_password",
                "DBA user password: Password must be at least 8 bytes");
        Expect.authError(http.postJson(Http.SETUP, setup(DBA, "Password1", ROOT_PW)), 400, "weak_password",
                "DBA user password: Password is too common");
    }

    @Test
    @Order(5)
    void weakRootPasswordIsRefused() {
        Expect.authError(http.postJson(Http.SETUP, setup(DBA, DBA_PW, "short")), 400, "weak_password",
                "Root password: Password must be at least 8 bytes");
        Expect.authError(http.postJson(Http.SETUP, setup(DBA, DBA_PW, "x".repeat(73))), 400, "weak_password",
                "Root password: Password must be at most 72 bytes");
    }

    @Test
    @Order(6)
    void rootAsDbaNameIsRefused() {
        Expect.authError(http.postJson(Http.SETUP, setup("root", DBA_PW, ROOT_PW)), 400, "invalid_user",
                "Cannot use 'root' as the DBA user name");
    }

    @Test
    @Order(7)
    void invalidDbaNameIsRefused() {
        Expect.authError(http.postJson(Http.SETUP, setup("a/b", DBA_PW, ROOT_PW)), 400, "invalid_user",
                "Invalid user name 'a/b'");
        Expect.authError(http.postJson(Http.SETUP, setup("x..y", DBA_PW, ROOT_PW)), 400, "invalid_user",
                "Invalid user name 'x..y'");
    }

    @Test
    @Order(8)
    void unknownFieldIsBadRequest() {
        ObjectNode body = setup(DBA, DBA_PW, ROOT_PW).put("x", 1);
        Expect.authError(http.postJson(Http.SETUP, body), 400, "bad_request", "Invalid request body: unknown field 'x'");
    }

    @Test
    @Order(9)
    void failedAttemptsChangedNothing() {
        Expect.json(http.get(Http.STATUS), 200, NEEDS_SETUP);
        Expect.authError(http.loginRaw(DBA, DBA_PW), 401, "unauthorized", "Invalid credentials");
    }

    @Test
    @Order(10)
    void setupSucceeds() {
        ObjectNode request = setup(DBA, DBA_PW, ROOT_PW).put("email", "admin@example.com");
        Response response = http.postJson(Http.SETUP, request);
        Expect.status(response, 200);
        JsonNode body = response.json();
        Expect.keys(body, "user", "message");
        LoginE2ETest.assertUserInfo(body.get("user"), DBA, "dba", "admin@example.com");
        assertEquals("Server setup complete. Root password configured and DBA user 'admin' created. Please login to continue.",
                body.get("message").asText());
    }

    @Test
    @Order(11)
    void secondSetupIsAlreadyConfigured() {
        Expect.authError(http.postJson(Http.SETUP, setup("other", DBA_PW, ROOT_PW)), 409, "already_configured",
                "Server is already configured");
    }

    @Test
    @Order(12)
    void dbaAndRootCanLogIn() {
        JsonNode dba = http.loginBody(DBA, DBA_PW);
        LoginE2ETest.assertLoginBody(dba, DBA, "dba", "admin@example.com");
        JsonNode root = http.loginBody("root", ROOT_PW);
        LoginE2ETest.assertLoginBody(root, "root", "system", "root@localhost");
        Expect.sqlOk(http.sqlBasic("root", ROOT_PW, "SHOW NAMESPACES"), 1);
        Expect.sqlOk(http.sqlBasic(DBA, DBA_PW, "SHOW NAMESPACES"), 1);
    }

    @Test
    @Order(13)
    void statusNoLongerNeedsSetup() {
        Expect.json(http.get(Http.STATUS), 200, "{\"needs_setup\":false,\"message\":\"Server is configured and ready.\"}");
    }

    private static ObjectNode setup(String user, String password, String rootPassword) {
        return Json.object().put("user", user).put("password", password).put("root_password", rootPassword);
    }
}
