package io.kalamdb.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SqlRedactionTest {

    @Test
    void passwordsAndCredentialsAreMasked() {
        assertEquals("CREATE USER a WITH PASSWORD '***' ROLE user",
                SqlRedaction.redact("CREATE USER a WITH PASSWORD 'S3cret''pass' ROLE user"));
        assertEquals("ALTER USER a SET password '***'", SqlRedaction.redact("ALTER USER a SET password 'x'"));
        assertEquals("CREATE STORAGE s TYPE s3 CREDENTIALS '***'",
                SqlRedaction.redact("CREATE STORAGE s TYPE s3 CREDENTIALS '{\"k\":\"v\"}'"));
        assertEquals("{\"user\":\"a\",\"root_password\":\"***\"}",
                SqlRedaction.redact("{\"user\":\"a\",\"root_password\":\"p\\\"w\"}"));
        assertEquals("SELECT 'password' FROM t", SqlRedaction.redact("SELECT 'password' FROM t"));
    }
}
