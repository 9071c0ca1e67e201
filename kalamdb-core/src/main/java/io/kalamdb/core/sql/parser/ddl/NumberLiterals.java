package io.kalamdb.core.sql.parser.ddl;

import java.math.BigDecimal;

/**
 * Values of number literals: {@code Long} for integers that fit, else an exact {@code BigDecimal}; null for text
 * that is no number (the lexer lets {@code 1.2.3} through).
 */
final class NumberLiterals {
    private NumberLiterals() {
    }

    static Object parse(String text, boolean negative) {
        String signed = negative ? "-" + text : text;
        boolean integral = signed.indexOf('.') < 0 && signed.indexOf('e') < 0 && signed.indexOf('E') < 0;
        if (integral) {
            try {
                return Long.valueOf(signed);
            } catch (NumberFormatException e) {
                return decimal(signed);
            }
        }
        return decimal(signed);
    }

    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
