package io.kalamdb.commons.enums;

import java.util.Locale;
import java.util.Optional;

/** User roles, ordered by privilege: user &lt; service &lt; dba &lt; system (spec auth.md §1). */
public enum Role {
    USER("user"),
    SERVICE("service"),
    DBA("dba"),
    SYSTEM("system");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used in JSON, JWT claims and system tables. */
    public String wireName() {
        return wireName;
    }

    public boolean isAdmin() {
        return this == DBA || this == SYSTEM;
    }

    /** Parses the stored/claimed lowercase role name. */
    public static Optional<Role> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.wireName.equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Parses a SQL role token (spec sql.md §10): dba/admin, service/developer/analyst, user/viewer/readonly, system. */
    public static Optional<Role> fromSqlToken(String token) {
        if (token == null) {
            return Optional.empty();
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "dba": case "admin": return Optional.of(DBA);
            case "service": case "developer": case "analyst": return Optional.of(SERVICE);
            case "user": case "viewer": case "readonly": return Optional.of(USER);
            case "system": return Optional.of(SYSTEM);
            default: return Optional.empty();
        }
    }

    public static String invalidRoleMessage(String token) {
        return "Invalid role '" + token + "'. Valid roles: dba, admin, developer, analyst, viewer, readonly, user, service, system";
    }

    @Override
    public String toString() {
        return wireName;
    }
}
