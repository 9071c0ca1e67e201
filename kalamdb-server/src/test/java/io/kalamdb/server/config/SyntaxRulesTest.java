package io.kalamdb.server.config;

import io.kalamdb.filestore.PathTemplates;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntaxRulesTest {
    @Test
    void cronAcceptsNumbersRangesListsAndSteps() {
        for (String ok : List.of("0 2 * * *", "* * * * *", "*/5 * * * *", "0-59/10 0,12 1-31 1-12 0-7",
                "  15  3  *  *  7 ", "0 0 1,15,31 2 6")) {
            assertEquals(Optional.empty(), CronSyntax.problem(ok), ok);
        }
    }

    @Test
    void cronRejectsMalformedFields() {
        assertEquals(Optional.of("the expression is empty"), CronSyntax.problem(" "));
        assertEquals(Optional.of("expected 5 fields, got 6"), CronSyntax.problem("0 0 2 * * *"));
        assertEquals(Optional.of("minute field '60': values must be in 0..59"), CronSyntax.problem("60 * * * *"));
        assertEquals(Optional.of("day of month field '0': values must be in 1..31"), CronSyntax.problem("* * 0 * *"));
        assertEquals(Optional.of("month field '13': values must be in 1..12"), CronSyntax.problem("* * * 13 *"));
        assertEquals(Optional.of("day of week field '8': values must be in 0..7"), CronSyntax.problem("* * * * 8"));
        assertEquals(Optional.of("minute field '*/0': step must be a positive number"),
                CronSyntax.problem("*/0 * * * *"));
        assertEquals(Optional.of("minute field '5-1': range 5-1 is reversed"), CronSyntax.problem("5-1 * * * *"));
        assertEquals(Optional.of("minute field 'a': 'a' is not a number or range"), CronSyntax.problem("a * * * *"));
        assertEquals(Optional.of("minute field '1,,2': empty list item"), CronSyntax.problem("1,,2 * * * *"));
        assertEquals(Optional.of("minute field '5/2': a step needs '*' or a range before '/'"),
                CronSyntax.problem("5/2 * * * *"));
        assertEquals(Optional.of("hour field '-1': '-1' is not a number or range"), CronSyntax.problem("0 -1 * * *"));
    }

    @Test
    void templatesValidateShapeAndSegments() {
        assertEquals(Optional.empty(), PathTemplates.sharedTemplateProblem("{namespace}/{tableName}"));
        assertEquals(Optional.empty(), PathTemplates.sharedTemplateProblem("shared/{namespace}-{tableName}"));
        assertEquals(Optional.empty(), PathTemplates.userTemplateProblem("{namespace}/{tableName}/{userId}"));
        assertEquals(Optional.empty(), PathTemplates.userTemplateProblem("{namespace_id}/{table_name}/{user_id}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE '{tableName}': {namespace} is required"),
                PathTemplates.sharedTemplateProblem("{tableName}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE '{namespace}': {tableName} is required"),
                PathTemplates.sharedTemplateProblem("{namespace}"));
        assertEquals(Optional.of("Invalid USER_TABLES_TEMPLATE '{namespace}/{userId}/{tableName}': {tableName} must "
                + "come before {userId}"), PathTemplates.userTemplateProblem("{namespace}/{userId}/{tableName}"));
        assertEquals(Optional.of("Invalid USER_TABLES_TEMPLATE '{namespace}/../{tableName}/{userId}': '..' segments "
                + "are not allowed"), PathTemplates.userTemplateProblem("{namespace}/../{tableName}/{userId}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE '/srv/{namespace}/{tableName}': an absolute path is "
                + "not allowed"), PathTemplates.sharedTemplateProblem("/srv/{namespace}/{tableName}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE 'C:\\{namespace}\\{tableName}': an absolute path is "
                + "not allowed"), PathTemplates.sharedTemplateProblem("C:\\{namespace}\\{tableName}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE '{namespace}/{table}': unknown template variable {table}"),
                PathTemplates.sharedTemplateProblem("{namespace}/{table}"));
        assertEquals(Optional.of("Invalid SHARED_TABLES_TEMPLATE '': the template is empty"),
                PathTemplates.sharedTemplateProblem(""));
        assertEquals(Optional.empty(), PathTemplates.sharedTemplateProblem("{namespace}/..x/{tableName}"));
    }

    @Test
    void ipAndCidrLiterals() {
        for (String ok : List.of("127.0.0.1", "255.255.255.255", "10.0.0.0/8", "0.0.0.0/0", "::", "::1",
                "fe80::1", "2001:db8:0:0:0:0:0:1", "2001:DB8::/32", "::ffff:192.168.0.1", "1:2:3:4:5:6:7::",
                "::/0", " 10.1.1.1 ")) {
            assertTrue(IpRangeSyntax.isIpOrCidr(ok), ok);
        }
        for (String bad : List.of("256.0.0.1", "1.2.3", "1.2.3.4.5", "a.b.c.d", "10.0.0.0/33", "10.0.0.0/-1",
                "10.0.0.0/x", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "::1/129", "::ffff:1.2.3.4:5",
                "fe80::1%eth0", "localhost", "", "1.2.3.٤")) {
            assertFalse(IpRangeSyntax.isIpOrCidr(bad), bad);
        }
    }
}
