package vn.motcua.organization;

/** Typed reference to an administrative unit, used across modules. */
public record UnitId(long value) {

    public static UnitId of(long value) {
        return new UnitId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
