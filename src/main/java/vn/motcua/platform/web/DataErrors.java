package vn.motcua.platform.web;

import java.sql.SQLException;

/**
 * Which database errors are the caller's input rather than a fault of the
 * server: PostgreSQL's data exceptions (class 22) for a NUL character, a
 * text longer than its column, a number or date out of range. Constraint
 * violations (class 23) are left alone: they are races or bugs, not input.
 */
final class DataErrors {

    private DataErrors() {
    }

    /** The SQLSTATE of the first SQL exception in the cause chain, or null. */
    static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The message of a data error the caller caused, or null when the error is not one. */
    static String messageKey(String sqlState) {
        if (sqlState == null) {
            return null;
        }
        return switch (sqlState) {
            case "22001" -> "limit.data.tooLong";                 // string_data_right_truncation
            case "22021", "22P05" -> "limit.data.character";      // character_not_in_repertoire (NUL), untranslatable_character
            case "22003" -> "limit.data.number";                  // numeric_value_out_of_range
            case "22008", "22007" -> "limit.data.date";           // datetime_field_overflow, invalid_datetime_format
            case "22P02", "2200N", "22023" -> "problem.invalid"; // invalid_text_representation, invalid_xml_content, invalid_parameter_value
            default -> null;
        };
    }
}
