package io.kalamdb.core.sql.calcite;

import static org.apache.calcite.util.Static.RESOURCE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.SqlParserUtil;

/**
 * PostgreSQL's one-string interval literals, {@code INTERVAL '1 hour'}, {@code INTERVAL '2 days 3 hours'},
 * {@code INTERVAL '90 min'}: the parser hands a quoted interval string that holds a letter here, and gets the
 * SQL-standard interval literal it stands for ({@code INTERVAL '1' HOUR}, …). A single part keeps its unit
 * (weeks become days, milliseconds fractional seconds); several day-time parts add up to seconds. Years and months
 * cannot be mixed with days or time, as in standard SQL.
 */
public final class KalamIntervals {
    /** The widest leading field precision Calcite's type system allows for intervals. */
    private static final int LEADING_PRECISION = 10;
    private static final int MILLIS_PRECISION = 3;
    private static final Pattern PART = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*([a-z]+)\\s*,?");
    private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000);

    private KalamIntervals() {
    }

    /** Whether the quoted interval text is the PostgreSQL form (it names its units), not a standard value. */
    public static boolean isPostgresForm(String text) {
        return text.chars().anyMatch(Character::isLetter);
    }

    /** The standard interval literal for {@code text}, or Calcite's "Illegal interval literal" error. */
    public static SqlLiteral literal(SqlParserPos pos, int sign, String text) {
        String lowered = text.toLowerCase(Locale.ROOT).trim();
        Matcher m = PART.matcher(lowered);
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal millis = BigDecimal.ZERO;
        TimeUnit onlyUnit = null;
        BigDecimal onlyValue = null;
        int parts = 0;
        int end = 0;
        while (end < lowered.length() && m.region(end, lowered.length()).lookingAt()) {
            BigDecimal value = new BigDecimal(m.group(1));
            Unit unit = Unit.of(m.group(2));
            if (unit == null) {
                throw illegal(pos, text);
            }
            if (unit.months > 0) {
                months = months.add(value.multiply(BigDecimal.valueOf(unit.months)));
            } else {
                millis = millis.add(value.multiply(BigDecimal.valueOf(unit.millis)));
            }
            onlyUnit = unit.standard;
            onlyValue = value.multiply(unit.factor);
            parts++;
            end = m.end();
        }
        boolean mixed = months.signum() != 0 && millis.signum() != 0;
        if (parts == 0 || end != lowered.length() || mixed || months.stripTrailingZeros().scale() > 0) {
            throw illegal(pos, text);
        }
        if (parts == 1 && onlyValue.stripTrailingZeros().scale() <= 0) {
            return standard(pos, sign, onlyValue, onlyUnit);
        }
        if (months.signum() != 0) {
            return standard(pos, sign, months, TimeUnit.MONTH);
        }
        BigDecimal seconds = millis.divide(MS_PER_SECOND);
        return standard(pos, sign, seconds, TimeUnit.SECOND);
    }

    /** Calcite's own error for a malformed interval literal. */
    private static RuntimeException illegal(SqlParserPos pos, String text) {
        return SqlUtil.newContextException(pos, RESOURCE.illegalIntervalLiteral("'" + text + "'", pos.toString()));
    }

    private static SqlLiteral standard(SqlParserPos pos, int sign, BigDecimal value, TimeUnit unit) {
        int fraction = unit == TimeUnit.SECOND ? Math.max(0, Math.min(MILLIS_PRECISION, value.scale())) : 0;
        BigDecimal v = fraction > 0 ? value.setScale(fraction, RoundingMode.HALF_UP) : value.setScale(0,
                RoundingMode.UNNECESSARY);
        int s = v.signum() < 0 ? -sign : sign;
        return SqlParserUtil.parseIntervalLiteral(pos, s, v.abs().toPlainString(), qualifier(unit, fraction, pos));
    }

    private static SqlIntervalQualifier qualifier(TimeUnit unit, int fraction, SqlParserPos pos) {
        return new SqlIntervalQualifier(unit, LEADING_PRECISION, null,
                unit == TimeUnit.SECOND ? fraction : RelDataType.PRECISION_NOT_SPECIFIED,
                pos);
    }

    /** The unit names PostgreSQL accepts, each with its standard unit and size. */
    private enum Unit {
        MILLISECOND(TimeUnit.SECOND, 0, 1, "0.001", "ms", "msec", "msecs", "millisecond", "milliseconds"),
        SECOND(TimeUnit.SECOND, 0, 1_000, "1", "s", "sec", "secs", "second", "seconds"),
        MINUTE(TimeUnit.MINUTE, 0, 60_000, "1", "m", "min", "mins", "minute", "minutes"),
        HOUR(TimeUnit.HOUR, 0, 3_600_000, "1", "h", "hr", "hrs", "hour", "hours"),
        DAY(TimeUnit.DAY, 0, 86_400_000, "1", "d", "day", "days"),
        WEEK(TimeUnit.DAY, 0, 7 * 86_400_000L, "7", "w", "week", "weeks"),
        MONTH(TimeUnit.MONTH, 1, 0, "1", "mon", "mons", "month", "months"),
        YEAR(TimeUnit.YEAR, 12, 0, "1", "y", "yr", "yrs", "year", "years");

        final TimeUnit standard;
        final int months;
        final long millis;
        final BigDecimal factor;
        final String[] names;

        Unit(TimeUnit standard, int months, long millis, String factor, String... names) {
            this.standard = standard;
            this.months = months;
            this.millis = millis;
            this.factor = new BigDecimal(factor);
            this.names = names;
        }

        static Unit of(String name) {
            for (Unit u : values()) {
                for (String n : u.names) {
                    if (n.equals(name)) {
                        return u;
                    }
                }
            }
            return null;
        }
    }
}
