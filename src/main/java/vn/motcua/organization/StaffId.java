package vn.motcua.organization;

/** Typed reference to a staff account (cán bộ, công chức). */
public record StaffId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
