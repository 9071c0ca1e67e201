package io.kalamdb.commons.types;

import io.kalamdb.commons.errors.KalamDbException;

/**
 * The coercion error messages of sql.md §12.3 and http-api.md §5.8. Each takes the column name {@code c} (messages
 * name the column) or, when it is null, the 1-based parameter number {@code p} (messages start
 * {@code Parameter $p invalid: }); with neither, the message names no context.
 */
final class CoercionErrors {
    private CoercionErrors() {
    }

    static KalamDbException cannotConvert(String shown, KalamDataType t, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Cannot convert '" + shown + "' to " + t.sqlName()
                    + " for column '" + c + "'");
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: cannot convert '" + shown + "' to "
                    + t.sqlName());
        }
        return KalamDbException.userError("Cannot convert '" + shown + "' to " + t.sqlName());
    }

    static KalamDbException outOfRange(String shown, KalamDataType t, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Value " + shown + " out of range for " + t.sqlName()
                    + " (column '" + c + "')");
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: value " + shown + " out of range for "
                    + t.sqlName());
        }
        return KalamDbException.userError("Value " + shown + " out of range for " + t.sqlName());
    }

    static KalamDbException exceeds(String shown, KalamDataType t, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Value " + shown + " exceeds " + t.sqlName() + " (column '" + c + "')");
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: value " + shown + " exceeds "
                    + t.sqlName());
        }
        return KalamDbException.userError("Value " + shown + " exceeds " + t.sqlName());
    }

    static KalamDbException invalidJson(String reason, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Invalid JSON for column '" + c + "': " + reason);
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: invalid JSON: " + reason);
        }
        return KalamDbException.userError("Invalid JSON: " + reason);
    }

    static KalamDbException invalidValue(String shown, KalamDataType t, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Invalid " + t.sqlName() + " '" + shown + "' for column '" + c + "'");
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: cannot convert '" + shown + "' to "
                    + t.sqlName());
        }
        return KalamDbException.userError("Invalid " + t.sqlName() + " '" + shown + "'");
    }

    static KalamDbException dimensionMismatch(int expected, int got, String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Embedding dimension mismatch for column '" + c + "': expected "
                    + expected + ", got " + got);
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: embedding dimension mismatch: expected "
                    + expected + ", got " + got);
        }
        return KalamDbException.userError("Embedding dimension mismatch: expected " + expected + ", got " + got);
    }

    static KalamDbException invalidFileRef(String c, int p) {
        if (c != null) {
            return KalamDbException.userError("Invalid FileRef for column '" + c + "'");
        }
        if (p > 0) {
            return KalamDbException.userError("Parameter $" + p + " invalid: invalid FileRef");
        }
        return KalamDbException.userError("Invalid FileRef");
    }
}
