package vn.motcua.calendar;

/**
 * A computation needed a year for which no working calendar has been defined. The engine never
 * guesses whether a day of an unknown year is a working day: the administrator has to define it.
 */
public class CalendarNotDefinedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public CalendarNotDefinedException(int year) {
        this(year, null);
    }

    public CalendarNotDefinedException(int year, String detail) {
        super("No working calendar is defined for year " + year + (detail == null ? "" : " (" + detail + ")"));
        this.year = year;
    }

    /** The first year that is needed and missing. */
    public int year() {
        return year;
    }
}
